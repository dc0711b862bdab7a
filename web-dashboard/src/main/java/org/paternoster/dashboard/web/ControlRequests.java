package org.paternoster.dashboard.web;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.paternoster.http.BadRequest;
import org.paternoster.http.Fields;

/**
 * Strict validation of the control requests. Each method returns the exact body to forward to
 * the elevator node, rebuilt from the validated fields only, or throws {@link BadRequest}; nothing
 * is forwarded before validation passed, so a refused request changes nothing.
 */
final class ControlRequests {
  private ControlRequests() {}

  /**
   * A button press: {@code {"type":"hall","floor":F,"direction":"up"|"down"}} or
   * {@code {"type":"cab","floor":F}}, with {@code 0 <= F < floors} and no hall up button at the
   * top floor nor down button at the bottom.
   */
  static JsonObject press(JsonObject body, int floors) {
    String type = Fields.oneOf(body, "type", "hall", "cab");
    int floor = (int) Fields.integer(body, "floor", 0, floors - 1);
    if (type.equals("cab")) {
      onlyFields(body, Set.of("type", "floor"));
      return new JsonObject().put("type", "cab").put("floor", floor);
    }
    onlyFields(body, Set.of("type", "floor", "direction"));
    String direction = Fields.oneOf(body, "direction", "up", "down");
    if (direction.equals("up") && floor == floors - 1) throw new BadRequest("there is no hall up button at the top floor " + floor);
    if (direction.equals("down") && floor == 0) throw new BadRequest("there is no hall down button at the bottom floor");
    return new JsonObject().put("type", "hall").put("floor", floor).put("direction", direction);
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
    if (id == null || !Fields.ID.matcher(id).matches()) throw new BadRequest("elevator id must be 1-64 characters of [A-Za-z0-9._-]");
    return id;
  }

  private static void onlyFields(JsonObject body, Set<String> allowed) {
    for (String field : body.fieldNames()) {
      if (!allowed.contains(field)) throw new BadRequest("unknown field: " + field);
    }
  }
}
