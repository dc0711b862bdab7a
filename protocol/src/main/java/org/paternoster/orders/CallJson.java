package org.paternoster.orders;

import io.vertx.core.json.JsonObject;
import org.paternoster.http.Fields;

/**
 * The one codec of a {@link Call}: {@code {"type":"hall","floor","direction":"up"|"down"}} or
 * {@code {"type":"cab","floor","elevator"}}. Reading is strict (a {@code BadRequest} names the
 * field); whether the building has that button is {@link Building#check}'s to say.
 */
public final class CallJson {
  private CallJson() {}

  public static JsonObject toJson(Call call) {
    JsonObject o = new JsonObject().put("floor", call.floor());
    if (call instanceof HallCall h) return o.put("type", "hall").put("direction", h.direction().json());
    return o.put("type", "cab").put("elevator", ((CabCall) call).elevator());
  }

  public static Call fromJson(JsonObject o) {
    String type = Fields.oneOf(o, "type", "hall", "cab");
    int floor = (int) Fields.integer(o, "floor", 0, Building.MAX_FLOORS - 1);
    if (type.equals("hall")) return new HallCall(floor, Direction.fromJson(Fields.oneOf(o, "direction", "up", "down")));
    return new CabCall(Fields.id(o, "elevator"), floor);
  }
}
