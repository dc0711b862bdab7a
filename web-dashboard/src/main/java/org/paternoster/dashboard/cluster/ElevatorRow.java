package org.paternoster.dashboard.cluster;

/**
 * One elevator shaft on the page: the merged report (node first-hand, primary for availability
 * and assignments) and whether the node itself answered.
 *
 * @param nodeReachable the node's own {@code GET /state} answered last time; null when the
 *     dashboard knows no address for the node
 */
public record ElevatorRow(ElevatorReport state, Boolean nodeReachable) {
  /** The dashboard can forward button presses and faults to this node. */
  public boolean controllable() {
    return state.address() != null;
  }

  ElevatorRow withoutClockReadings() {
    ElevatorReport s = state;
    return new ElevatorRow(new ElevatorReport(s.id(), s.address(), s.floor(), s.direction(), s.behaviour(), s.available(),
        s.unavailableReason(), s.obstruction(), s.online(), null, s.cabCalls(), s.hallCalls(), s.floors(), s.standby()), nodeReachable);
  }
}
