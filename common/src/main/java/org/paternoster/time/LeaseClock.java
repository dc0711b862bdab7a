package org.paternoster.time;

import java.util.function.LongSupplier;

/**
 * Milliseconds for leases (invariant 2): never backwards, and at every reading at least as much
 * time elapsed as either {@link System#nanoTime()} or the wall clock has seen since the start.
 * {@code nanoTime} (CLOCK_MONOTONIC) stands still while the machine or VM is suspended, so a lease
 * counted by it alone would look valid after a resume; the wall clock does advance across a
 * suspend. The wall clock counts only its forward steps (a step back changes nothing), so a step
 * forward ends leases early (safe), never late. Reads as epoch milliseconds. Thread-safe.
 */
public final class LeaseClock implements LongSupplier {
  private final LongSupplier nanos;
  private final LongSupplier wallMs;
  private final long startNanos;
  private final long startMs;
  private long lastWallMs;
  private long wallAdvancedMs; // the wall clock's forward steps only
  private long now;

  public LeaseClock() {
    this(System::nanoTime, System::currentTimeMillis);
  }

  /** For tests: explicit monotonic nanoseconds and wall milliseconds. */
  public LeaseClock(LongSupplier nanos, LongSupplier wallMs) {
    this.nanos = nanos;
    this.wallMs = wallMs;
    this.startNanos = nanos.getAsLong();
    this.startMs = wallMs.getAsLong();
    this.lastWallMs = startMs;
    this.now = startMs;
  }

  /**
   * The monotonic nanoseconds this clock counts from, for short intervals such as a commit's
   * latency. Not for leases: it stands still while the machine is suspended.
   */
  public long nanos() {
    return nanos.getAsLong();
  }

  @Override
  public synchronized long getAsLong() {
    long w = wallMs.getAsLong();
    wallAdvancedMs += Math.max(0, w - lastWallMs);
    lastWallMs = w;
    long monotonicMs = (nanos.getAsLong() - startNanos) / 1_000_000;
    now = Math.max(now, startMs + Math.max(monotonicMs, wallAdvancedMs));
    return now;
  }
}
