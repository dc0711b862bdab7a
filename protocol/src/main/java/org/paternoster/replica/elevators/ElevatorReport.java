package org.paternoster.replica.elevators;

import io.vertx.core.json.JsonObject;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;
import org.paternoster.http.BadRequest;
import org.paternoster.http.Fields;
import org.paternoster.orders.Building;

/**
 * What an elevator node tells the primary about its car, several times a second. Soft state:
 * never replicated; a new primary learns it from the next reports.
 *
 * <p>JSON: {@code {"type":"report","id","address","floor"|null,"behaviour","direction",
 * "available","unavailableReason"|null,"obstruction","viewnum"}}: written by the node
 * ({@link #toJson}), read by the primary ({@link #fromJson}). {@code viewnum} is the highest view
 * the node has heard of (for logs and the dashboard; the primary does not act on it).
 */
public record ElevatorReport(
    String id,
    String address,
    Integer floor,
    Behaviour behaviour,
    MotorDirection direction,
    boolean available,
    String unavailableReason,
    boolean obstruction,
    long viewnum) {
  public static final String TYPE = "report";

  public static ElevatorReport fromJson(JsonObject o, Building building) {
    Integer floor = o.getValue("floor") == null ? null : (int) Fields.integer(o, "floor", 0, building.floors() - 1);
    try {
      return new ElevatorReport(
          Fields.id(o, "id"),
          Fields.optionalString(o, "address", 256),
          floor,
          Behaviour.fromJson(Fields.string(o, "behaviour")),
          MotorDirection.fromJson(Fields.string(o, "direction")),
          Fields.bool(o, "available"),
          Fields.optionalString(o, "unavailableReason", 32),
          Fields.bool(o, "obstruction"),
          o.getValue("viewnum") == null ? 0 : Fields.integer(o, "viewnum", 0, Long.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("type", TYPE)
        .put("id", id)
        .put("address", address)
        .put("floor", floor)
        .put("behaviour", behaviour.json())
        .put("direction", direction.json())
        .put("available", available)
        .put("unavailableReason", unavailableReason)
        .put("obstruction", obstruction)
        .put("viewnum", viewnum);
  }
}
