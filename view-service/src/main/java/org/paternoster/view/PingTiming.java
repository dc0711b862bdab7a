package org.paternoster.view;

/**
 * Failure-detection timing: servers ping every {@code intervalMs}; one silent for
 * {@code deadPings × intervalMs} is dead.
 */
public record PingTiming(long intervalMs, int deadPings) {
  public static final PingTiming DEFAULT = new PingTiming(100, 5);

  public PingTiming {
    if (intervalMs < 1) throw new IllegalArgumentException("ping interval must be >= 1 ms");
    if (deadPings < 1) throw new IllegalArgumentException("dead pings must be >= 1");
  }

  /** Milliseconds of silence after which a server is dead. */
  public long deadAfterMs() {
    return intervalMs * deadPings;
  }

  /**
   * How long the primary must have been lost, with no backup able to take over, before the
   * service declares a total loss and appoints a live server with empty state (the book is then
   * rebuilt from the elevator nodes, invariant 7). Ten dead-times: far beyond any single failure,
   * so "an uninitialized server never becomes primary" holds for every ordinary failover.
   */
  public long totalLossAfterMs() {
    return 10 * deadAfterMs();
  }

  /** How often the view service re-evaluates the rules: often enough to detect a death promptly. */
  public long tickMs() {
    return Math.max(1, intervalMs / 5);
  }
}
