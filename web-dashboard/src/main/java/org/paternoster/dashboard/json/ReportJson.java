package org.paternoster.dashboard.json;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paternoster.dashboard.cluster.CommitLatency;
import org.paternoster.dashboard.cluster.ElevatorReport;
import org.paternoster.dashboard.cluster.HallButton;
import org.paternoster.dashboard.cluster.PendingCall;
import org.paternoster.dashboard.cluster.ReplicaReport;
import org.paternoster.view.ServerStatus;
import org.paternoster.view.View;
import org.paternoster.view.ViewChange;
import org.paternoster.view.ViewJson;

/**
 * Reads what the view service, the replicas and the elevator nodes answer. Lenient by design:
 * these APIs are still growing, so a field that is absent or of an unexpected type reads as null
 * (unknown) and a malformed list entry is skipped. Only an answer without its identity is
 * refused, with {@link IllegalArgumentException}.
 */
public final class ReportJson {
  private ReportJson() {}

  /** {@code GET /views}: entries without a view number or time are skipped. */
  public static List<ViewChange> history(JsonArray views) {
    List<ViewChange> out = new ArrayList<>();
    for (JsonObject o : objects(views)) {
      Long viewnum = longOrNull(o, "viewnum");
      Long at = longOrNull(o, "announcedAt");
      if (viewnum == null || at == null) continue;
      View view = viewOrNull(o);
      if (view == null) continue;
      String reason = stringOrNull(o, "reason");
      out.add(new ViewChange(view, at, reason == null ? "" : reason, longOrNull(o, "failoverMs")));
    }
    return out;
  }

  /** {@code GET /servers}: entries without a server id are skipped. */
  public static List<ServerStatus> servers(JsonArray servers) {
    List<ServerStatus> out = new ArrayList<>();
    for (JsonObject o : objects(servers)) {
      String id = stringOrNull(o, "server");
      if (id == null) continue;
      out.add(new ServerStatus(id, role(stringOrNull(o, "role")), orZero(longOrNull(o, "lastPingAgeMs")),
          orZero(longOrNull(o, "viewnum")), stringOrNull(o, "address"), Boolean.TRUE.equals(boolOrNull(o, "alive"))));
    }
    return out;
  }

  /** A replica's {@code GET /state}; {@code elevators} and {@code commitLatency} are optional. */
  public static ReplicaReport replica(JsonObject o) {
    String id = required(o, "id");
    JsonObject view = o.getValue("view") instanceof JsonObject v ? v : null;
    List<ElevatorReport> elevators = new ArrayList<>();
    for (JsonObject e : objects(o.getValue("elevators"))) {
      if (stringOrNull(e, "id") != null) elevators.add(elevator(e, stringOrNull(e, "address")));
    }
    return new ReplicaReport(id, stringOrNull(o, "address"), stringOrNull(o, "role"),
        view == null ? null : viewOrNull(view),
        orZero(longOrNull(o, "reportedViewnum")), orZero(longOrNull(o, "lastSeq")), orZero(longOrNull(o, "committedSeq")),
        (int) orZero(longOrNull(o, "pendingCalls")), (int) orZero(longOrNull(o, "waitingClients")),
        elevators, latency(o.getValue("commitLatency")));
  }

  /**
   * One elevator, from the primary's {@code elevators} list or a node's own {@code GET /state}.
   * A node's {@code lights} give the number of floors and, if it sends no {@code hallCalls}, its lit hall calls.
   *
   * @param address where the node answers, when the caller knows it better than the report
   */
  public static ElevatorReport elevator(JsonObject o, String address) {
    String id = required(o, "id");
    JsonObject lights = o.getValue("lights") instanceof JsonObject l ? l : null;
    JsonArray cabLights = lights == null ? null : arrayOrNull(lights, "cab");
    List<HallButton> hallCalls = hallButtons(o.getValue("assignedHallCalls"));
    if (hallCalls == null) hallCalls = hallButtons(o.getValue("hallCalls"));
    if (hallCalls == null && lights != null) hallCalls = litHallButtons(arrayOrNull(lights, "hall"));
    return new ElevatorReport(id, address != null ? address : stringOrNull(o, "address"),
        intOrNull(o, "floor"), stringOrNull(o, "direction"), stringOrNull(o, "behaviour"),
        boolOrNull(o, "available"), stringOrNull(o, "unavailableReason"), boolOrNull(o, "obstruction"),
        boolOrNull(o, "online"), longOrNull(o, "lastReportAgeMs"), floors(o.getValue("cabCalls")), hallCalls,
        cabLights == null ? null : cabLights.size(), standby(o.getValue("standby")));
  }

  /** A node's {@code standby} ({@link org.paternoster.assign.Standby#toJson}); null when absent or malformed. */
  private static org.paternoster.assign.Standby standby(Object x) {
    if (x == null) return null;
    try {
      return org.paternoster.assign.Standby.fromJson(x);
    } catch (RuntimeException e) { // BadRequest, or a range the record refuses
      return null;
    }
  }

  /** {@code GET /orders}: the pending calls; malformed entries are skipped. */
  public static List<PendingCall> orders(JsonObject o) {
    if (!(o.getValue("orders") instanceof JsonArray orders)) throw new IllegalArgumentException("no orders list");
    List<PendingCall> out = new ArrayList<>();
    for (JsonObject c : objects(orders)) {
      String type = stringOrNull(c, "type");
      Integer floor = intOrNull(c, "floor");
      String direction = stringOrNull(c, "direction");
      String elevator = stringOrNull(c, "elevator");
      boolean hall = "hall".equals(type) && ("up".equals(direction) || "down".equals(direction));
      boolean cab = "cab".equals(type) && elevator != null;
      if (floor == null || !(hall || cab)) continue;
      out.add(new PendingCall(type, floor, hall ? direction : null, cab ? elevator : null,
          orZero(longOrNull(c, "seq")), orZero(longOrNull(c, "at")), stringOrNull(c, "assignee"), arrivalOrNull(c)));
    }
    return out;
  }

  /** A view, or null when the JSON does not describe a valid one. */
  private static View viewOrNull(JsonObject o) {
    if (longOrNull(o, "viewnum") == null) return null;
    try {
      return ViewJson.fromJson(o);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static CommitLatency latency(Object value) {
    if (!(value instanceof JsonObject o)) return null;
    Number p50 = o.getValue("p50Ms") instanceof Number n ? n : null;
    Number p99 = o.getValue("p99Ms") instanceof Number n ? n : null;
    if (p50 == null || p99 == null) return null;
    return new CommitLatency(p50.doubleValue(), p99.doubleValue(), orZero(longOrNull(o, "count")));
  }

  private static List<HallButton> hallButtons(Object value) {
    if (!(value instanceof JsonArray array)) return null;
    List<HallButton> out = new ArrayList<>();
    for (JsonObject h : objects(array)) {
      if (Boolean.FALSE.equals(boolOrNull(h, "assigned"))) continue; // a node lists lit calls of other cars too
      Integer floor = intOrNull(h, "floor");
      String direction = stringOrNull(h, "direction");
      if (floor != null && ("up".equals(direction) || "down".equals(direction))) out.add(new HallButton(floor, direction));
    }
    return out;
  }

  /** {@code [[up, down], ...]} by floor. */
  private static List<HallButton> litHallButtons(JsonArray hall) {
    if (hall == null) return null;
    List<HallButton> out = new ArrayList<>();
    for (int floor = 0; floor < hall.size(); floor++) {
      if (!(hall.getValue(floor) instanceof JsonArray pair)) continue;
      if (pair.size() > 0 && Boolean.TRUE.equals(pair.getValue(0))) out.add(new HallButton(floor, "up"));
      if (pair.size() > 1 && Boolean.TRUE.equals(pair.getValue(1))) out.add(new HallButton(floor, "down"));
    }
    return out;
  }

  /** A list of floor numbers, or of booleans by floor (true = called). */
  private static List<Integer> floors(Object value) {
    if (!(value instanceof JsonArray array)) return null;
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object v = array.getValue(i);
      if (v instanceof Integer || v instanceof Long) out.add(((Number) v).intValue());
      else if (Boolean.TRUE.equals(v)) out.add(i);
    }
    return out;
  }

  private static ServerStatus.Role role(String role) {
    if (role == null) return ServerStatus.Role.IDLE;
    try {
      return ServerStatus.Role.valueOf(role.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return ServerStatus.Role.IDLE;
    }
  }

  private static List<JsonObject> objects(Object value) {
    if (!(value instanceof JsonArray array)) return List.of();
    List<JsonObject> out = new ArrayList<>();
    for (Object o : array) {
      if (o instanceof JsonObject j) out.add(j);
    }
    return out;
  }

  private static String required(JsonObject o, String field) {
    String value = stringOrNull(o, field);
    if (value == null) throw new IllegalArgumentException("answer without " + field);
    return value;
  }

  static String stringOrNull(JsonObject o, String field) {
    return o.getValue(field) instanceof String s ? s : null;
  }

  static Long longOrNull(JsonObject o, String field) {
    Object v = o.getValue(field);
    return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : null;
  }

  /** A non-negative, finite {@code arrivalInS}, else null (an older primary, or a nonsense value). */
  static Double arrivalOrNull(JsonObject o) {
    Object v = o.getValue("arrivalInS");
    if (!(v instanceof Number n)) return null;
    double d = n.doubleValue();
    return Double.isFinite(d) && d >= 0 && d < 86_400 ? d : null;
  }

  static Integer intOrNull(JsonObject o, String field) {
    Long v = longOrNull(o, field);
    return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
  }

  static Boolean boolOrNull(JsonObject o, String field) {
    return o.getValue(field) instanceof Boolean b ? b : null;
  }

  private static JsonArray arrayOrNull(JsonObject o, String field) {
    return o.getValue(field) instanceof JsonArray a ? a : null;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
