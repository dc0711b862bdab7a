package org.paternoster.dashboard.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.paternoster.dashboard.cluster.ClusterSnapshot;

/**
 * {@code GET /health} of the dashboard: {@code UP} while it reaches the view service and the
 * current primary, {@code DEGRADED} while it does not (the page then shows stale state and says
 * why); with the view, the primary, how old the newest snapshot is, and the page's alerts. Always
 * {@code 200}: the dashboard itself serves either way.
 */
final class DashboardHealth {
  private DashboardHealth() {}

  static JsonObject of(ClusterSnapshot s, long now) {
    boolean up = s.viewServiceReachable() && s.primaryReachable();
    return new JsonObject()
        .put("status", up ? "UP" : "DEGRADED")
        .put("viewService", s.viewServiceReachable() ? "reachable" : "unreachable")
        .put("view", s.view() == null ? null : s.view().view().viewnum())
        .put("primary", s.view() == null ? null : s.view().view().primary())
        .put("primaryReachable", s.primaryReachable())
        .put("snapshotAgeMs", s.takenAt() == 0 ? null : Math.max(0, now - s.takenAt()))
        .put("alerts", new JsonArray(s.alerts()));
  }
}
