package org.paternoster.assign;

import io.vertx.core.json.JsonObject;
import org.paternoster.http.BadRequest;
import org.paternoster.http.Fields;

/**
 * The primary's advice to one car about what to do when it has nothing better to do: where to
 * wait while it has no call to serve ({@code parkFloor}, or {@link #NO_PARK}), and whether to keep
 * its doors open where it stands ({@code holdDoors}: loading at the lobby in up-peak).
 *
 * <p>Advice only: it never takes a call away from a car nor keeps one from being served; a car
 * with a call to serve ignores the park floor, and the car itself bounds how long a hold keeps
 * its doors open ({@code FsmConfig#maxHoldMs}). A car that loses its primary drops the advice.
 */
public record Standby(int parkFloor, boolean holdDoors) {
  public static final int NO_PARK = -1;
  /** No advice: stay where the last call left you, close the doors after the door time. */
  public static final Standby NONE = new Standby(NO_PARK, false);

  public Standby {
    if (parkFloor < NO_PARK) throw new IllegalArgumentException("park floor must be >= 0 or " + NO_PARK + ", got " + parkFloor);
  }

  public boolean parks() {
    return parkFloor != NO_PARK;
  }

  /** JSON: {@code {"park": F, "hold": true|false}}, {@code park} absent when there is none. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject().put("hold", holdDoors);
    if (parks()) o.put("park", parkFloor);
    return o;
  }

  /**
   * Reads {@link #toJson}'s form ({@code park} absent or null: none; {@code hold} absent: false);
   * {@link BadRequest} when {@code x} is not an object or a field has the wrong type or range.
   */
  public static Standby fromJson(Object x) {
    if (!(x instanceof JsonObject j)) throw new BadRequest("standby must be an object, got " + x);
    int park = j.getValue("park") == null ? NO_PARK : (int) Fields.integer(j, "park", 0, Integer.MAX_VALUE);
    Object hold = j.getValue("hold", false);
    if (!(hold instanceof Boolean b)) throw new BadRequest("standby.hold must be a boolean, got " + hold);
    return new Standby(park, b);
  }
}
