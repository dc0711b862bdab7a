package org.paternoster.replica;

/**
 * Shipped timing defaults for replicas (documented in docs/ARCHITECTURE.md, measured by
 * scripts/bench-failover.sh). The view service must run with the same ping interval.
 */
public final class Defaults {
  public static final long PING_INTERVAL_MS = 25;

  private Defaults() {}
}
