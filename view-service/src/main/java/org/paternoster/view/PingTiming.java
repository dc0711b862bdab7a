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

  /** How often the view service re-evaluates the rules: often enough to detect a death promptly. */
  public long tickMs() {
    return Math.max(1, intervalMs / 5);
  }
}
