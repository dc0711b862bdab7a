package org.paternoster.dashboard.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.paternoster.dashboard.cluster.ClusterSnapshot;
import org.paternoster.dashboard.cluster.ElevatorReport;
import org.paternoster.dashboard.cluster.ElevatorRow;
import org.paternoster.dashboard.cluster.FailoverSummary;
import org.paternoster.dashboard.cluster.HallButton;
import org.paternoster.dashboard.cluster.LatencyPoint;
import org.paternoster.dashboard.cluster.PendingCall;
import org.paternoster.dashboard.cluster.ReplicaRow;
import org.paternoster.dashboard.cluster.Source;
import org.paternoster.view.ViewChange;
import org.paternoster.view.ViewJson;

/**
 * The page's JSON, served by {@code GET /api/snapshot} and pushed over {@code GET /api/events}.
 * Unknown values are JSON null; the page must treat null as "not reported".
 * <pre>
 * {"takenAt", "control", "floors", "alerts": [text],
 *  "viewService": {"name", "address", "reachable", "error", "lastSeenAt"},
 *  "viewServiceGroup": {"members": [url], "leader": url | null} (members empty for one view service),
 *  "view": {"viewnum", "primary", "backup", "primaryAddress", "backupAddress", "acked"} | null,
 *  "primary": {"name", "address", "reachable", "error", "lastSeenAt"} | null,
 *  "history": [{"viewnum", "primary", "backup", "announcedAt", "reason", "failoverMs"}],
 *  "failovers": {"count", "lastMs", "maxMs"},
 *  "replicas": [{"id", "address", "role", "alive", "lastPingAgeMs", "pingedViewnum", "reachable",
 *                "selfRole", "lastSeq", "committedSeq", "pendingCalls"}],
 *  "elevators": [{"id", "floor", "direction", "behaviour", "available", "unavailableReason",
 *                 "obstruction", "online", "lastReportAgeMs", "cabCalls": [floor],
 *                 "hallCalls": [{"floor", "direction"}], "parkFloor", "holdingDoors" (the dispatcher's
 *                 advice the node follows; null when unknown), "nodeReachable", "controllable"}],
 *  "hallCalls": [{"floor", "direction", "assignee", "arrivalInS", "seq", "at"}],
 *  "cabCalls": [{"elevator", "floor", "seq", "at"}],
 *  "latency": {"p50Ms", "p99Ms", "count"} | null,
 *  "latencySeries": [[at, p50Ms, p99Ms]]}
 * </pre>
 */
public final class SnapshotJson {
  private SnapshotJson() {}

  public static JsonObject toJson(ClusterSnapshot s) {
    return new JsonObject()
        .put("takenAt", s.takenAt())
        .put("control", s.control())
        .put("floors", s.floors())
        .put("alerts", new JsonArray(s.alerts()))
        .put("viewService", source(s.viewService()))
        .put("viewServiceGroup", new JsonObject().put("members", new JsonArray(s.viewServiceGroup().members()))
            .put("leader", s.viewServiceGroup().leader()))
        .put("view", s.view() == null ? null : ViewJson.toJson(s.view()))
        .put("primary", s.primary() == null ? null : source(s.primary()))
        .put("history", array(s.history(), SnapshotJson::change))
        .put("failovers", failovers(s.failovers()))
        .put("replicas", array(s.replicas(), SnapshotJson::replica))
        .put("elevators", array(s.elevators(), SnapshotJson::elevator))
        .put("hallCalls", array(s.hallCalls(), SnapshotJson::hallCall))
        .put("cabCalls", array(s.cabCalls(), SnapshotJson::cabCall))
        .put("latency", s.latency() == null ? null : new JsonObject()
            .put("p50Ms", s.latency().p50Ms()).put("p99Ms", s.latency().p99Ms()).put("count", s.latency().count()))
        .put("latencySeries", array(s.latencySeries(), SnapshotJson::point));
  }

  private static JsonObject source(Source s) {
    return new JsonObject().put("name", s.name()).put("address", s.address()).put("reachable", s.reachable())
        .put("error", s.error()).put("lastSeenAt", s.lastSeenAt() == 0 ? null : s.lastSeenAt());
  }

  private static JsonObject change(ViewChange c) {
    return new JsonObject().put("viewnum", c.view().viewnum()).put("primary", c.view().primary())
        .put("backup", c.view().backup()).put("announcedAt", c.announcedAt()).put("reason", c.reason())
        .put("failoverMs", c.failoverMs());
  }

  private static JsonObject failovers(FailoverSummary f) {
    return new JsonObject().put("count", f.count()).put("lastMs", f.lastMs()).put("maxMs", f.maxMs());
  }

  private static JsonObject replica(ReplicaRow r) {
    return new JsonObject().put("id", r.id()).put("address", r.address()).put("role", r.role()).put("alive", r.alive())
        .put("lastPingAgeMs", r.lastPingAgeMs()).put("pingedViewnum", r.pingedViewnum()).put("reachable", r.reachable())
        .put("selfRole", r.selfRole()).put("lastSeq", r.lastSeq()).put("committedSeq", r.committedSeq())
        .put("pendingCalls", r.pendingCalls());
  }

  private static JsonObject elevator(ElevatorRow row) {
    ElevatorReport e = row.state();
    return new JsonObject().put("id", e.id()).put("floor", e.floor()).put("direction", e.direction())
        .put("behaviour", e.behaviour()).put("available", e.available()).put("unavailableReason", e.unavailableReason())
        .put("obstruction", e.obstruction()).put("online", e.online()).put("lastReportAgeMs", e.lastReportAgeMs())
        .put("cabCalls", e.cabCalls() == null ? new JsonArray() : new JsonArray(e.cabCalls()))
        .put("hallCalls", array(e.hallCalls() == null ? List.of() : e.hallCalls(), SnapshotJson::hallButton))
        .put("parkFloor", e.standby() == null || !e.standby().parks() ? null : e.standby().parkFloor())
        .put("holdingDoors", e.standby() == null ? null : e.standby().holdDoors())
        .put("nodeReachable", row.nodeReachable()).put("controllable", row.controllable());
  }

  private static JsonObject hallButton(HallButton h) {
    return new JsonObject().put("floor", h.floor()).put("direction", h.direction());
  }

  private static JsonObject hallCall(PendingCall c) {
    return new JsonObject().put("floor", c.floor()).put("direction", c.direction()).put("assignee", c.assignee())
        .put("arrivalInS", c.arrivalInS()).put("seq", c.seq()).put("at", c.at());
  }

  private static JsonObject cabCall(PendingCall c) {
    return new JsonObject().put("elevator", c.elevator()).put("floor", c.floor()).put("seq", c.seq()).put("at", c.at());
  }

  private static JsonArray point(LatencyPoint p) {
    return new JsonArray().add(p.at()).add(p.p50Ms()).add(p.p99Ms());
  }

  private static <T> JsonArray array(List<T> items, java.util.function.Function<T, Object> f) {
    JsonArray out = new JsonArray();
    items.forEach(i -> out.add(f.apply(i)));
    return out;
  }
}
