package org.paternoster.replica.elevators;

import java.util.ArrayList;
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
 * Invariant 5: every push carries {@code viewnum}; a node ignores any lower than it has seen ({@link Push}).
 */
public record Dispatch(long viewnum, String primary, String generation, long bookSeq, List<PendingCall> committed, Assignment assignment) {

  /**
   * The push for car {@code id}: every committed hall call, that car's cab calls and the
   * dispatcher's advice to it. Not yet numbered ({@link Push#withPushSeq}).
   */
  public Push pushFor(String id) {
    List<Push.Hall> hall = new ArrayList<>();
    List<Push.Cab> cab = new ArrayList<>();
    for (PendingCall p : committed) {
      if (p.call() instanceof HallCall h) {
        hall.add(new Push.Hall(h, p.seq(), assignment.assigneeOf(h).orElse(null)));
      } else if (p.call() instanceof CabCall c && c.elevator().equals(id)) {
        cab.add(new Push.Cab(c.floor(), p.seq()));
      }
    }
    return new Push(viewnum, Push.UNNUMBERED, primary, generation, bookSeq, hall, cab, assignment.standbyOf(id));
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
