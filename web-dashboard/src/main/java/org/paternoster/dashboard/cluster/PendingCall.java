package org.paternoster.dashboard.cluster;

/**
 * A call held in the primary's order book, as {@code GET /orders} lists it. A lit button: the
 * call was committed on primary and backup (invariant 1).
 *
 * @param type {@code "hall"} or {@code "cab"}
 * @param direction for a hall call, {@code "up"} or {@code "down"}; else null
 * @param elevator for a cab call, the car; else null
 * @param seq the sequence number that ordered the call
 * @param at when the primary ordered it (its clock, epoch ms)
 * @param assignee the elevator serving it, or null when none is assigned (or not reported)
 * @param arrivalInS for a hall call, seconds until its car is expected there as the primary
 *     estimated it when it answered (the course's times); null when unknown
 */
public record PendingCall(String type, int floor, String direction, String elevator, long seq, long at, String assignee,
    Double arrivalInS) {
  /** A call with no arrival estimate. */
  public PendingCall(String type, int floor, String direction, String elevator, long seq, long at, String assignee) {
    this(type, floor, direction, elevator, seq, at, assignee, null);
  }

  public boolean isHall() {
    return "hall".equals(type);
  }

  /** The same call with {@code assignee} (the estimate is the primary's for its own assignee only). */
  public PendingCall assignedTo(String elevatorId) {
    return new PendingCall(type, floor, direction, elevator, seq, at, elevatorId,
        java.util.Objects.equals(elevatorId, assignee) ? arrivalInS : null);
  }
}
