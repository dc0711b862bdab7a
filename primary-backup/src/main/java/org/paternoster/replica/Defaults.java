package org.paternoster.replica;

/**
 * Shipped timing defaults for replicas (documented in docs/ARCHITECTURE.md, measured by
 * scripts/bench-failover.sh). The view service must run with the same ping interval.
 */
public final class Defaults {
  public static final long PING_INTERVAL_MS = org.paternoster.view.PingTiming.DEFAULT_INTERVAL_MS;

  private Defaults() {}
}
