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
 */
public record PendingCall(String type, int floor, String direction, String elevator, long seq, long at, String assignee) {
  public boolean isHall() {
    return "hall".equals(type);
  }

  /** The same call with {@code assignee}. */
  public PendingCall assignedTo(String elevatorId) {
    return new PendingCall(type, floor, direction, elevator, seq, at, elevatorId);
  }
}
