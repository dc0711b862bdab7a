package org.paternoster.traffic;

import org.paternoster.dispatch.Directions;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.paternoster.assign.MotorDirection;
import org.paternoster.orders.Direction;

/** The people waiting at each floor, first come first served. */
final class Landings {
  private final ArrayDeque<Passenger>[] queues;
  private int waiting;

  @SuppressWarnings("unchecked")
  Landings(int floors) {
    queues = new ArrayDeque[floors];
    for (int f = 0; f < floors; f++) queues[f] = new ArrayDeque<>();
  }

  void arrive(Passenger p) {
    queues[p.origin()].addLast(p);
    waiting++;
  }

  /**
   * Removes and returns the first person at {@code floor} who may board a car announcing
   * {@code direction} (theirs, or STOP for none), else null.
   */
  Passenger takeFirst(int floor, MotorDirection direction) {
    for (Iterator<Passenger> it = queues[floor].iterator(); it.hasNext(); ) {
      Passenger p = it.next();
      if (compatible(p, direction)) {
        it.remove();
        waiting--;
        return p;
      }
    }
    return null;
  }

  boolean anyWaiting(int floor, Direction direction) {
    for (Passenger p : queues[floor]) if (p.direction() == direction) return true;
    return false;
  }

  /** How many are waiting at {@code floor} to go {@code direction}. */
  int waitingFor(int floor, Direction direction) {
    int n = 0;
    for (Passenger p : queues[floor]) if (p.direction() == direction) n++;
    return n;
  }

  /** How many are waiting in the whole building. */
  int waiting() {
    return waiting;
  }

  int waitingAt(int floor) {
    return queues[floor].size();
  }

  static boolean compatible(Passenger p, MotorDirection announced) {
    return announced == MotorDirection.STOP || Directions.of(p.direction()) == announced;
  }
}
