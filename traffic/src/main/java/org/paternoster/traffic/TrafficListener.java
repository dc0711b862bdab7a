package org.paternoster.traffic;

import org.paternoster.assign.MotorDirection;

/** Observes a run (validity checks, traces). Called on the simulation's thread; must not change it. */
public interface TrafficListener {
  /** {@code p} stepped into {@code car} announcing {@code announced}; {@code load} after boarding. */
  default void boarded(Passenger p, int car, int floor, MotorDirection announced, int load, double now) {}

  default void alighted(Passenger p, int car, int floor, double now) {}

  /** After every event; {@code onLandings}: the people waiting at all floors now. */
  default void afterEvent(double now, int onLandings) {}
}
