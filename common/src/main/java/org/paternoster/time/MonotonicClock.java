package org.paternoster.time;

import java.util.function.LongSupplier;

/**
 * Milliseconds that never jump: {@link System#nanoTime()} anchored to the wall clock at
 * construction. Failure detection stays correct when the wall clock is stepped, while the values
 * still read as epoch milliseconds in logs and history. Thread-safe.
 */
public final class MonotonicClock implements LongSupplier {
  private final long startWallMs = System.currentTimeMillis();
  private final long startNanos = System.nanoTime();

  @Override
  public long getAsLong() {
    return startWallMs + (System.nanoTime() - startNanos) / 1_000_000;
  }
}
