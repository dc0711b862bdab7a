package org.paternoster.dispatch;

import org.paternoster.assign.MotorDirection;

/**
 * What a dispatcher may read of one car: read-only, valid during the callback only (keep values, not the view).
 * Load and capacity are known here; the course's hardware does not report them.
 */
public interface CarView {
  int index();

  CarState state();

  /** Travel direction while moving or starting; the announced direction while doors are busy; STOP when idle. */
  MotorDirection direction();

  /** At rest: its floor. Moving: the last floor reached or passed. */
  int floor();

  /** Position in floors (fractional while moving). */
  double position(double now);

  /** The current trip while MOVING, else null. */
  Trip trip();

  /** The nearest floor it could still stop at: its floor when at rest. */
  int firstStoppable(double now);

  int load();

  int capacity();

  default boolean full() {
    return load() >= capacity();
  }

  /** Whether someone on board is going to {@code floor}. */
  boolean cabStop(int floor);

  /**
   * Adds to {@code into} every floor below {@code floors} someone on board is going to (as {@link
   * #cabStop}); a view that keeps its stops as a bit set answers with one word copy.
   */
  default void addCabStops(java.util.BitSet into, int floors) {
    for (int f = 0; f < floors; f++) {
      if (cabStop(f)) into.set(f);
    }
  }

  /** The floor it was told to park at, -1 for none. */
  int parkFloor();

  /**
   * When a car at rest can next move (an estimate: the rest of the door cycle with the known
   * alightings, then the start delay); for a MOVING car, when it next arrives.
   */
  double readyAt(double now);
}
