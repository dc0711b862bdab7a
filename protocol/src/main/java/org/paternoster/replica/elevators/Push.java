package org.paternoster.replica.elevators;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.paternoster.assign.Standby;
import org.paternoster.http.BadRequest;
import org.paternoster.http.Fields;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/**
 * The primary's push to one car (written by {@link Dispatch#pushFor}, read by the node's
 * {@code NodeCore.pushed}): every committed hall call with its seq and assignee, and this car's
 * committed cab calls, as the book stood when everything up to {@code bookSeq} was committed.
 *
 * <ul>
 *   <li>Invariant 5: {@code viewnum} fences: a node ignores a push of a lower view than it has seen.
 *   <li>Invariant 6: {@code pushSeq} grows for the life of the sending process; within one view a
 *       push not above the highest seen is late or duplicated and ignored. {@link #UNNUMBERED}
 *       before the link numbers it.
 *   <li>A new {@code generation} means the book was started afresh (total loss): the node re-submits.
 *   <li>{@code standby}: the dispatcher's advice to this car (park floor, hold the doors); absent
 *       means none, which is also what a primary of an older version sends.
 * </ul>
 *
 * <p>JSON: {@code {"type":"assignment","viewnum","pushSeq","primary","generation","bookSeq",
 * "hall":[{"floor","direction","seq","assignee"}],"cab":[{"floor","seq"}],"standby":{"park","hold"}}}.
 */
public record Push(long viewnum, long pushSeq, String primary, String generation, long bookSeq, List<Hall> hall, List<Cab> cab,
    Standby standby) {
  public static final String TYPE = "assignment";
  /** The {@code pushSeq} of a push the link has not numbered yet (and of one from an older primary). */
  public static final long UNNUMBERED = -1;

  /** A committed hall call: its incarnation's seq and the car assigned to it (null: none). */
  public record Hall(HallCall call, long seq, String assignee) {}

  /** A committed cab call of this car. */
  public record Cab(int floor, long seq) {}

  public Push {
    hall = List.copyOf(hall);
    cab = List.copyOf(cab);
    java.util.Objects.requireNonNull(standby, "standby");
  }

  /** The same push, numbered by the link that sends it. */
  public Push withPushSeq(long seq) {
    return new Push(viewnum, seq, primary, generation, bookSeq, hall, cab, standby);
  }

  public JsonObject toJson() {
    JsonArray halls = new JsonArray();
    hall.forEach(h -> halls.add(new JsonObject().put("floor", h.call().floor()).put("direction", h.call().direction().json())
        .put("seq", h.seq()).put("assignee", h.assignee())));
    JsonArray cabs = new JsonArray();
    cab.forEach(c -> cabs.add(new JsonObject().put("floor", c.floor()).put("seq", c.seq())));
    JsonObject o = new JsonObject().put("type", TYPE).put("viewnum", viewnum).put("pushSeq", pushSeq).put("primary", primary)
        .put("generation", generation).put("bookSeq", bookSeq).put("hall", halls).put("cab", cabs);
    if (!standby.equals(Standby.NONE)) o.put("standby", standby.toJson());
    return o;
  }

  /**
   * Reads a push; {@link BadRequest} when a field is missing or of the wrong type or range. Absent
   * {@code pushSeq}, {@code bookSeq}, {@code primary} and {@code generation} read as unknown, and an
   * absent {@code standby} as {@link Standby#NONE} (a primary of an older version sends none).
   */
  public static Push fromJson(JsonObject o) {
    try {
      List<Hall> halls = array(o, "hall").stream().map(x -> {
        JsonObject j = object(x);
        return new Hall(new HallCall((int) Fields.integer(j, "floor", 0, Integer.MAX_VALUE), Direction.fromJson(Fields.string(j, "direction"))),
            Fields.integer(j, "seq", 0, Long.MAX_VALUE), Fields.optionalString(j, "assignee", 64));
      }).toList();
      List<Cab> cabs = array(o, "cab").stream().map(x -> {
        JsonObject j = object(x);
        return new Cab((int) Fields.integer(j, "floor", 0, Integer.MAX_VALUE), Fields.integer(j, "seq", 0, Long.MAX_VALUE));
      }).toList();
      return new Push(Fields.integer(o, "viewnum", 0, Long.MAX_VALUE), o.getLong("pushSeq", UNNUMBERED),
          Fields.optionalString(o, "primary", 64), Fields.optionalString(o, "generation", 128), o.getLong("bookSeq", -1L), halls, cabs,
          o.getValue("standby") == null ? Standby.NONE : Standby.fromJson(o.getValue("standby")));
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new BadRequest("malformed push: " + e.getMessage());
    }
  }

  private static JsonArray array(JsonObject o, String field) {
    JsonArray a = o.getJsonArray(field);
    if (a == null) throw new BadRequest(field + " is required");
    return a;
  }

  private static JsonObject object(Object x) {
    if (x instanceof JsonObject j) return j;
    throw new BadRequest("expected an object, got " + x);
  }
}
