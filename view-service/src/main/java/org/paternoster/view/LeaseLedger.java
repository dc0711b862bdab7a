package org.paternoster.view;

/**
 * The view service's record of the one lease that may be held (invariant 2: one writer at any
 * instant). A lease is granted to one process incarnation at a time; another holder is granted
 * one only after the previous grant has certainly expired, counted from when the granting ping
 * was <em>received</em> plus {@link PingTiming#leaseGuardMs()}.
 *
 * <p>Nothing of this is persisted: a view service that starts (fresh, or restarted with or without
 * its disk) cannot know what its previous life granted, so it grants nothing for one guard time
 * from its start. Sans-I/O; {@code now} is the view service's monotonic clock.
 */
final class LeaseLedger {
  private final long guardMs;
  private String holder; // "server/incarnation", or null when unknown (after start)
  private long expiresAt;

  LeaseLedger(PingTiming timing, long startedAt) {
    this.guardMs = timing.leaseGuardMs();
    this.expiresAt = startedAt + guardMs;
  }

  /**
   * Grants (or renews) the lease to {@code holder} if it holds it already or every earlier grant
   * has expired at {@code now}; returns whether it did.
   */
  boolean grant(String holder, long now) {
    if (!holder.equals(this.holder) && now < expiresAt) return false;
    this.holder = holder;
    this.expiresAt = now + guardMs;
    return true;
  }

  /** True when no lease granted so far can still be held at {@code now}. */
  boolean allExpired(long now) {
    return now >= expiresAt;
  }

  /** The holder of the latest grant ({@code server/incarnation}), or null. */
  String holder() {
    return holder;
  }

  static String key(String server, String incarnation) {
    return server + "/" + incarnation;
  }
}
