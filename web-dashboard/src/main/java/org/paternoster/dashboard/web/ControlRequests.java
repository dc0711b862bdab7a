package org.paternoster.dashboard.web;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.paternoster.http.BadRequest;
import org.paternoster.http.Fields;
import org.paternoster.orders.Building;
import org.paternoster.orders.Direction;

/**
 * Strict validation of the control requests. Each method returns the exact body to forward to
 * the elevator node, rebuilt from the validated fields only, or throws {@link BadRequest}; nothing
 * is forwarded before validation passed, so a refused request changes nothing.
 */
final class ControlRequests {
  private ControlRequests() {}

  /**
   * A button press: {@code {"type":"hall","floor":F,"direction":"up"|"down"}} or
   * {@code {"type":"cab","floor":F}}, for a button the building has ({@link Building#buttonExists}).
   */
  static JsonObject press(JsonObject body, int floors) {
    String type = Fields.oneOf(body, "type", "hall", "cab");
    boolean cab = type.equals("cab");
    onlyFields(body, cab ? Set.of("type", "floor") : Set.of("type", "floor", "direction"));
    int floor = (int) Fields.integer(body, "floor", Integer.MIN_VALUE, Integer.MAX_VALUE);
    Direction direction = cab ? null : Direction.fromJson(Fields.oneOf(body, "direction", "up", "down"));
    if (!Building.buttonExists(floor, floors, direction)) {
      String button = cab ? "cab" : "hall " + direction.json();
      throw new BadRequest("there is no " + button + " button at floor " + floor + " (floors 0.." + (floors - 1) + ")");
    }
    JsonObject press = new JsonObject().put("type", type).put("floor", floor);
    return cab ? press : press.put("direction", direction.json());
  }

  /** A fault: exactly one of {@code {"motor":"cut"|"restore"}} or {@code {"obstruction":true|false}}. */
  static JsonObject fault(JsonObject body) {
    onlyFields(body, Set.of("motor", "obstruction"));
    if (body.size() != 1) throw new BadRequest("give exactly one of motor or obstruction");
    if (body.containsKey("motor")) return new JsonObject().put("motor", Fields.oneOf(body, "motor", "cut", "restore"));
    return new JsonObject().put("obstruction", Fields.bool(body, "obstruction"));
  }

  /** "Kill the primary" takes no parameters: an empty body or {@code {}}. */
  static void killPrimary(String body) {
    if (body == null || body.isBlank()) return;
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(body);
    } catch (RuntimeException e) {
      throw new BadRequest("body is not valid JSON");
    }
    if (!(parsed instanceof JsonObject o) || !o.isEmpty()) throw new BadRequest("kill-primary takes no parameters: send no body or {}");
  }

  /** An elevator id from the path. */
  static String elevatorId(String id) {
    if (!Fields.isId(id)) throw new BadRequest("elevator id must be 1-64 characters of [A-Za-z0-9._-]");
    return id;
  }

  private static void onlyFields(JsonObject body, Set<String> allowed) {
    for (String field : body.fieldNames()) {
      if (!allowed.contains(field)) throw new BadRequest("unknown field: " + field);
    }
  }
}
