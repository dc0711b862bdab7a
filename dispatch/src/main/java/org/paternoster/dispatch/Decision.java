package org.paternoster.dispatch;

import org.paternoster.orders.HallCall;

/** What a dispatcher may decide. The simulator applies decisions in order, right after the callback. */
public sealed interface Decision {

  /** {@code car} serves {@code call} (replacing any earlier assignee). Ignored if the call is no longer lit. */
  record Assign(HallCall call, int car) implements Decision {}

  /** An idle {@code car} goes to {@code floor} and waits there; forgotten once it gets a hall call. */
  record Park(int car, int floor) implements Decision {}

  /**
   * {@code car}, doors open, keeps them open (boarding whoever comes) until {@code untilS} or until
   * it is full. Used to hold a car at the lobby in up-peak.
   */
  record Hold(int car, double untilS) implements Decision {}
}
