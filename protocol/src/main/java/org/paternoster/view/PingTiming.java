package org.paternoster.view;

/**
 * Failure-detection timing. Servers ping every {@code intervalMs}. A server silent for
 * {@link #deadAfterMs()} (= {@code deadPings × intervalMs}) may be declared dead; the
 * {@link FailureDetector} raises that threshold, up to {@code maxDeadMs}, for a server whose pings
 * have recently been irregular and during its first {@code warmupMs}, and lowers it to
 * {@link #closeGraceMs()} once the server's connection has closed (a crashed process's kernel
 * closes its sockets). With {@code maxDeadMs == deadAfterMs()} and no warm-up the detector is the
 * fixed one of issue 2 plus that crash hint.
 *
 * <p>Only {@link #deadAfterMs()}, the lowest threshold for silence, enters the lease arithmetic
 * (invariant 2); a longer threshold delays a failover, never makes it unsafe, and the crash hint's
 * early failover waits for the lease ledger like any other.
 */
public record PingTiming(long intervalMs, int deadPings, long maxDeadMs, long warmupMs) {
  /** The shipped ping interval, the same for the view service and every replica. */
  public static final long DEFAULT_INTERVAL_MS = 25;
  /** The shipped number of missed pings after which a regular pinger is dead. */
  public static final int DEFAULT_DEAD_PINGS = 8;
  /** The shipped defaults: pings every 25 ms, dead after 200 ms of quiet silence, adaptive up to 800 ms. */
  public static final PingTiming DEFAULT = adaptive(DEFAULT_INTERVAL_MS, DEFAULT_DEAD_PINGS);
  /** How long a newly seen (or restarted) server gets the longest threshold: JVMs warming up stall. */
  public static final long WARMUP_MS = 20_000;
  /** How much longer than its recent longest gap between pings a server must be silent to be dead. */
  public static final int GAP_FACTOR = 3;

  public PingTiming {
    if (intervalMs < 1) throw new IllegalArgumentException("ping interval must be >= 1 ms");
    if (deadPings < 1) throw new IllegalArgumentException("dead pings must be >= 1");
    if (maxDeadMs < intervalMs * deadPings) throw new IllegalArgumentException("the longest dead time must be >= the shortest");
    if (warmupMs < 0) throw new IllegalArgumentException("warm-up must be >= 0");
  }

  /** The fixed detector: dead after exactly {@code deadPings × intervalMs} of silence (issue 2). */
  public PingTiming(long intervalMs, int deadPings) {
    this(intervalMs, deadPings, intervalMs * deadPings, 0);
  }

  /** The adaptive detector: at least {@code deadPings × intervalMs}, at most four times that. */
  public static PingTiming adaptive(long intervalMs, int deadPings) {
    return new PingTiming(intervalMs, deadPings, 4 * intervalMs * deadPings, WARMUP_MS);
  }

  /** Milliseconds of silence after which a server with regular pings is dead: the lowest threshold. */
  public long deadAfterMs() {
    return intervalMs * deadPings;
  }

  /** Whether thresholds adapt to each server's recent pings (else every threshold is {@link #deadAfterMs()}). */
  public boolean adaptive() {
    return maxDeadMs > deadAfterMs();
  }

  /**
   * How long a server whose connection closed has to ping again before it is dead: four intervals,
   * at most the dead time. A live process that closes a connection (a timed-out ping) pings again
   * at once on a new one.
   */
  public long closeGraceMs() {
    return Math.min(deadAfterMs(), 4 * intervalMs);
  }

  /**
   * A gap between two of the view service's own events (ticks, pings) longer than this is a pause of
   * the view service itself (GC, a starved CPU, a blocked store): it is not counted as anyone's silence.
   */
  public long ownPauseMs() {
    return Math.max(4 * tickMs(), intervalMs);
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
   * below the dead time (0.75 of it), so failing over from a silent primary never waits for a lease.
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

  /** For the start-up log line. */
  public String describe() {
    String silence = adaptive() ? deadAfterMs() + "-" + maxDeadMs() + " ms of silence (adaptive)" : deadAfterMs() + " ms of silence";
    return "pings every " + intervalMs + " ms, dead after " + silence + " or " + closeGraceMs()
        + " ms after its connection closed, lease " + leaseMs() + " ms";
  }

  /** How often the view service re-evaluates the rules: often enough to detect a death promptly. */
  public long tickMs() {
    return Math.max(1, intervalMs / 5);
  }
}
