package org.paternoster.dashboard.cluster;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The commit latency chart: at most one point per {@code intervalMs}, the newest
 * {@code capacity} points. Not thread-safe: owned by the poller's event loop.
 */
public final class LatencySeries {
  private final long intervalMs;
  private final int capacity;
  private final Deque<LatencyPoint> points = new ArrayDeque<>();

  public LatencySeries(long intervalMs, int capacity) {
    if (intervalMs < 1 || capacity < 1) throw new IllegalArgumentException("interval and capacity must be positive");
    this.intervalMs = intervalMs;
    this.capacity = capacity;
  }

  /**
   * Offers the primary's latest figures. Recorded only when {@code intervalMs} passed since the
   * last point and the window holds at least one commit (an idle minute has no percentiles).
   */
  public void record(long now, CommitLatency latency) {
    if (latency == null || latency.count() == 0) return;
    LatencyPoint last = points.peekLast();
    if (last != null && now - last.at() < intervalMs) return;
    points.addLast(new LatencyPoint(now, latency.p50Ms(), latency.p99Ms()));
    while (points.size() > capacity) points.removeFirst();
  }

  /** Oldest first. */
  public List<LatencyPoint> points() {
    return List.copyOf(points);
  }
}
