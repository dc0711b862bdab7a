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
   * The lease a ping reply grants the primary (invariant 2), counted by the primary from when it
   * <em>sent</em> that ping: 60 % of the dead time, so with two or more dead pings a primary that
   * pings every interval renews it before it lapses.
   */
  public long leaseMs() {
    return deadAfterMs() * 6 / 10;
  }

  /**
   * How long the view service treats a lease as possibly held after it <em>received</em> the ping
   * that granted it: {@link #leaseMs()} × 1.25. The primary's count starts earlier (at sending) and
   * the two clocks may run at different rates; the margin covers rate drift up to
   * {@link #MAX_DRIFT} (a lease of L by a clock running (1+ρ) slow lasts L/(1-ρ) real time; the
   * view service's count lasts at least 1.25·L/(1+ρ); 1.25 ≥ (1+ρ)/(1-ρ) for ρ ≤ 0.11). It stays
   * below the dead time (0.75 of it), so failing over from a dead primary never waits for a lease.
   */
  public long leaseGuardMs() {
    return leaseMs() * 5 / 4;
  }

  /** The clock-rate drift the lease margin tolerates between any two processes (11 %). */
  public static final double MAX_DRIFT = 0.11;

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
