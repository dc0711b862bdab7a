package org.paternoster.view;

/**
 * Rule 3's "dead", made fast for crashes and quiet for stalls (issue 12). Sans-I/O, owned by
 * {@link ViewService} and called on its one thread with its monotonic {@code now}.
 *
 * <p>A server is dead when either
 * <ul>
 *   <li>its connection to the view service closed and it has not pinged for
 *       {@link PingTiming#closeGraceMs()} since: the kernel of a crashed (kill -9) process closes its
 *       sockets at once, while a live process that drops a connection pings again on a new one; or</li>
 *   <li>its connection closed, it has not pinged since, and a connection attempt to its own address
 *       made after that close was refused: nothing listens there, so its process is gone. An
 *       accepted attempt proves nothing: a killed process's port was seen to accept for a moment
 *       after its connections closed (in half of the kills in bench-failover), so the close stands
 *       and the grace applies, as it does for a machine that is unplugged or cut off; or</li>
 *   <li>it has been silent for its threshold: {@link PingTiming#deadAfterMs()} for a server that pings
 *       regularly, up to {@link PingTiming#maxDeadMs()} for one whose recent gaps between pings were long
 *       ({@link PingTiming#GAP_FACTOR} times the longest gap of the last 30-60 s), and the longest during
 *       a server's first {@link PingTiming#warmupMs()} (a JVM that is starting stalls).</li>
 * </ul>
 * Silence is counted only over time the view service itself was listening: a gap between two of its
 * own events (ticks, pings) longer than {@link PingTiming#ownPauseMs()} is its own pause (GC, a
 * starved CPU, a blocked store), after which the pings that queued up during it have not been read
 * yet. Without this, a view service that stalls declares everyone dead at once on waking.
 *
 * <p>Safety does not rest on any of this: leases are granted and withheld by the {@link LeaseLedger}
 * on the raw clock, so declaring a server dead late only delays a failover, and declaring it dead
 * early (a closed connection of a live process) only makes its successor wait for the lease.
 */
final class FailureDetector {
  /** Gaps between pings are remembered in two buckets of this length: the last 30-60 s. */
  static final long GAP_BUCKET_MS = 30_000;

  private final PingTiming timing;
  private long lastEventAt;
  /** Total time the view service itself was paused, since it started. */
  private long deafMs;

  FailureDetector(PingTiming timing, long now) {
    this.timing = timing;
    this.lastEventAt = now;
  }

  /** Called first by every call into the service at {@code now}: notes a pause of its own. */
  void observe(long now) {
    long gap = now - lastEventAt;
    if (gap > timing.ownPauseMs()) deafMs += gap - timing.tickMs();
    if (now > lastEventAt) lastEventAt = now;
  }

  /** {@code server} was just seen for the first time, or restarted (a new process): it warms up. */
  void met(ServerRecord server, long now) {
    server.lastPing = now;
    server.deafAtLastPing = deafMs;
    server.warmUntil = now + timing.warmupMs();
    server.closedAt = -1;
    server.refusedAt = -1;
    server.gapMax = 0;
    server.gapMaxBefore = 0;
    server.gapBucketStart = now;
  }

  /** {@code server} pinged at {@code now}. */
  void heard(ServerRecord server, long now) {
    long gap = silenceMs(server, now);
    if (now - server.gapBucketStart >= GAP_BUCKET_MS) {
      server.gapMaxBefore = now - server.gapBucketStart >= 2 * GAP_BUCKET_MS ? 0 : server.gapMax;
      server.gapMax = 0;
      server.gapBucketStart = now;
    }
    server.gapMax = Math.max(server.gapMax, gap);
    server.lastPing = now;
    server.deafAtLastPing = deafMs;
    server.closedAt = -1;
    server.refusedAt = -1;
  }

  /** The connection {@code server} pinged on closed at {@code now}. */
  void closed(ServerRecord server, long now) {
    server.closedAt = now;
    server.deafAtClose = deafMs;
  }

  /**
   * A connection attempt to {@code server}'s address, made for its close at {@code probedAt}, was
   * refused. Counts only while that close is the latest and stands (no ping since): then the
   * server is dead.
   */
  void refused(ServerRecord server, long probedAt) {
    if (server.closedAt >= 0 && probedAt >= server.closedAt) server.refusedAt = probedAt;
  }

  boolean dead(ServerRecord server, long now) {
    if (server.closedAt >= 0 && server.refusedAt >= server.closedAt) return true;
    if (server.closedAt >= 0 && listened(server.closedAt, server.deafAtClose, now) >= timing.closeGraceMs()) return true;
    return silenceMs(server, now) >= thresholdMs(server, now);
  }

  /** How long {@code server} has been silent while the view service listened. */
  long silenceMs(ServerRecord server, long now) {
    return listened(server.lastPing, server.deafAtLastPing, now);
  }

  /** The silence after which {@code server} is dead at {@code now}. */
  long thresholdMs(ServerRecord server, long now) {
    if (!timing.adaptive()) return timing.deadAfterMs();
    if (now < server.warmUntil) return timing.maxDeadMs();
    long recentGap = Math.max(server.gapMax, server.gapMaxBefore);
    return Math.max(timing.deadAfterMs(), Math.min(timing.maxDeadMs(), PingTiming.GAP_FACTOR * recentGap));
  }

  private long listened(long since, long deafAtSince, long now) {
    return now - since - (deafMs - deafAtSince);
  }
}
