package org.paternoster.dashboard.cluster;

/**
 * Decides which snapshots are pushed to browsers: a snapshot whose content differs from the last
 * one pushed goes out at once; otherwise one goes out every {@code refreshMs} so ages on the page
 * keep counting and the browser knows the dashboard is alive. Content ignores clock readings
 * (ping and report ages, the snapshot time): those change on every poll. Not thread-safe.
 */
public final class ChangeDetector {
  private final long refreshMs;
  private ClusterSnapshot lastContent;
  private long lastPushedAt;

  public ChangeDetector(long refreshMs) {
    this.refreshMs = refreshMs;
  }

  /** True when {@code snapshot} should be pushed now; it is then remembered as the last pushed. */
  public boolean offer(ClusterSnapshot snapshot, long now) {
    ClusterSnapshot content = snapshot.withoutClockReadings();
    boolean push = !content.equals(lastContent) || now - lastPushedAt >= refreshMs;
    if (push) {
      lastContent = content;
      lastPushedAt = now;
    }
    return push;
  }
}
