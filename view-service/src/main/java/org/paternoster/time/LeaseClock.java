package org.paternoster.time;

import java.util.function.LongSupplier;

/**
 * Milliseconds for leases (invariant 2): never backwards, and advancing at least as fast as both
 * {@link System#nanoTime()} and the wall clock. {@code nanoTime} (CLOCK_MONOTONIC) stands still
 * while the machine or VM is suspended, so a lease counted by it alone would look valid after a
 * resume; the wall clock does advance across a suspend. Taking, at each reading, the larger of the
 * two advances makes the lease end early (safe) when either clock jumps forward, and a wall clock
 * stepped backwards changes nothing. Reads as epoch milliseconds. Thread-safe.
 */
public final class LeaseClock implements LongSupplier {
  private final LongSupplier nanos;
  private final LongSupplier wallMs;
  private long lastNanos;
  private long lastWallMs;
  private long now;

  public LeaseClock() {
    this(System::nanoTime, System::currentTimeMillis);
  }

  /** For tests: explicit monotonic nanoseconds and wall milliseconds. */
  public LeaseClock(LongSupplier nanos, LongSupplier wallMs) {
    this.nanos = nanos;
    this.wallMs = wallMs;
    this.lastNanos = nanos.getAsLong();
    this.lastWallMs = wallMs.getAsLong();
    this.now = lastWallMs;
  }

  @Override
  public synchronized long getAsLong() {
    long n = nanos.getAsLong();
    long w = wallMs.getAsLong();
    long advance = Math.max(0, Math.max((n - lastNanos) / 1_000_000, w - lastWallMs));
    if (advance > 0) {
      // Keep the sub-millisecond remainder of the monotonic clock so many short readings add up.
      lastNanos = (n - lastNanos) / 1_000_000 == advance ? lastNanos + advance * 1_000_000 : n;
      lastWallMs = w;
      now += advance;
    } else if (w < lastWallMs) {
      lastWallMs = w; // stepped back: measure later advances from here
    }
    return now;
  }
}
