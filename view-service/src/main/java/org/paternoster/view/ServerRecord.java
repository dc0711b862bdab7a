package org.paternoster.view;

/**
 * The view service's memory of one server. Mutable, owned by {@link ViewService}; never shared.
 * Whether it is dead is the {@link FailureDetector}'s answer.
 */
final class ServerRecord {
  final String id;
  /** Time of the latest ping (set by the {@link FailureDetector}). */
  long lastPing;
  /** Time of the latest ping in which the server still held its state (not a restart ping). */
  long lastGoodPing;
  /** The view number the server reported in its latest ping. */
  long viewnum;
  /** Where the server can be reached; the latest non-null address it reported. */
  String address;
  /** The process incarnation of its latest ping (null if it never reported one). */
  String incarnation;
  /**
   * From its latest ping: the incarnation whose durable book the server recovered and has not
   * changed since, or null. Such a server holds everything that incarnation acknowledged.
   */
  String recoveredFrom;
  /** The view in which the server, while primary or backup, restarted and lost its state; -1 if none. */
  long lostStateInView = -1;

  // The failure detector's memory of this server.
  long deafAtLastPing;
  long warmUntil;
  /** When the connection it pinged on closed, -1 if it pinged since. */
  long closedAt = -1;
  long deafAtClose;
  /** When a connection attempt to its address was refused after that close (nothing listens: its process is gone), -1 if not. */
  long refusedAt = -1;
  long gapMax;
  long gapMaxBefore;
  long gapBucketStart;

  ServerRecord(String id, long now, long viewnum, String address, String incarnation) {
    this.id = id;
    this.incarnation = incarnation;
    this.lastPing = now;
    this.lastGoodPing = now;
    this.viewnum = viewnum;
    this.address = address;
  }

  /**
   * Rule 3: a primary or backup that restarted during {@code view} lost its state: treat as dead in
   * it. So is one whose latest ping came from another incarnation than the one {@code view} names
   * for it: a view carried over a restart of the service (renumbered by a service that lost its
   * disk) can name a process that restarted under the view's old number.
   */
  boolean lostStateIn(View view) {
    return lostStateInView == view.viewnum() || (incarnation != null && view.hasRole(id) && !view.isPrimary(id, incarnation)
        && !view.isBackup(id, incarnation));
  }

  /**
   * When this server was last known good: the start of the failover it causes. Its latest ping
   * that did not come from a process that lost its state ({@link #lostStateIn}), by number or by
   * incarnation; for a server that never lost it, its latest ping.
   */
  long lostSince() {
    return lastGoodPing;
  }
}
