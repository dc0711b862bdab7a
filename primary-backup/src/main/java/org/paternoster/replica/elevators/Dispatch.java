package org.paternoster.replica.elevators;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.paternoster.assign.Assignment;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.PendingCall;

/**
 * What the primary of view {@code viewnum} tells the cars: every committed hall call (with its
 * seq and assignee, so hall lights agree on every panel) and each car's committed cab calls, as
 * the book stood when everything up to {@code bookSeq} was committed (a node lights a press from
 * its receipt only if the receipt's seq is above that: otherwise this push already shows its
 * effect, or a later one such as its service).
 * Invariant 5: every message carries {@code viewnum}; a node ignores any lower than it has seen.
 */
public record Dispatch(long viewnum, String primary, String generation, long bookSeq, List<PendingCall> committed, Assignment assignment) {

  /**
   * The message for car {@code id}: {@code {"type":"assignment","viewnum","primary","generation","bookSeq",
   * "hall":[...],"cab":[...]}}. A new {@code generation} means the book was started afresh.
   */
  public JsonObject messageFor(String id) {
    JsonArray hall = new JsonArray();
    JsonArray cab = new JsonArray();
    for (PendingCall p : committed) {
      if (p.call() instanceof HallCall h) {
        hall.add(new JsonObject().put("floor", h.floor()).put("direction", h.direction().json())
            .put("seq", p.seq()).put("assignee", assignment.assigneeOf(h).orElse(null)));
      } else if (p.call() instanceof CabCall c && c.elevator().equals(id)) {
        cab.add(new JsonObject().put("floor", c.floor()).put("seq", p.seq()));
      }
    }
    return new JsonObject().put("type", "assignment").put("viewnum", viewnum).put("primary", primary)
        .put("generation", generation).put("bookSeq", bookSeq).put("hall", hall).put("cab", cab);
  }

  /** Cab requests per car, as the assigner wants them. */
  static Map<String, boolean[]> cabRequests(List<PendingCall> committed, int floors) {
    Map<String, boolean[]> cab = new java.util.HashMap<>();
    for (PendingCall p : committed) {
      if (p.call() instanceof CabCall c) cab.computeIfAbsent(c.elevator(), x -> new boolean[floors])[c.floor()] = true;
    }
    return cab;
  }
}
