package org.paternoster.traffic;

import org.paternoster.dispatch.Directions;

import java.util.function.IntPredicate;
import org.paternoster.assign.MotorDirection;
import org.paternoster.orders.Direction;

/**
 * Directional-collective control of one car over its own requests: its passengers' destinations,
 * the hall calls given to it, its park floor. Keep going while anything is ahead, stop at a
 * destination or a given call in the travel direction, turn at the farthest request. A full car
 * ignores hall calls (spec: "a full car does not stop for hall calls"). Pure.
 */
final class Routing {
  private final HallCalls calls;
  private final int floors;

  Routing(HallCalls calls, int floors) {
    this.calls = calls;
    this.floors = floors;
  }

  /** Whether {@code car} has any request at {@code f}. */
  boolean request(Car car, int f) {
    if (car.cabStop(f) || f == car.parkFloor) return true;
    return !car.full() && (calls.assignedTo(f, Direction.UP, car.index()) || calls.assignedTo(f, Direction.DOWN, car.index()));
  }

  boolean anyBeyond(Car car, int from, MotorDirection dir) {
    return farthest(car, from, dir) >= 0;
  }

  /** The farthest floor strictly beyond {@code from} going {@code dir} with a request, -1 for none. */
  int farthest(Car car, int from, MotorDirection dir) {
    if (dir == MotorDirection.STOP) return -1;
    int far = -1;
    for (int g = from + dir.step(); g >= 0 && g < floors; g += dir.step()) {
      if (request(car, g)) far = g;
    }
    return far;
  }

  /**
   * The next stop going {@code dir} from {@code from} among the floors {@code stoppable} allows:
   * the nearest destination, given call in {@code dir} or park floor, else the turning point; -1
   * when no request ahead can be stopped at.
   */
  int nextTarget(Car car, int from, MotorDirection dir, IntPredicate stoppable) {
    int far = farthest(car, from, dir);
    if (far < 0) return -1;
    Direction along = Directions.hall(dir);
    for (int g = from + dir.step(); g != far + dir.step(); g += dir.step()) {
      if (!stoppable.test(g)) continue;
      boolean along_ = !car.full() && calls.assignedTo(g, along, car.index());
      if (g == far || car.cabStop(g) || along_ || g == car.parkFloor) return g;
    }
    return -1;
  }

  /** Toward the nearest request for a car without a direction (ties: up). */
  MotorDirection towardNearest(Car car, int from) {
    for (int d = 1; d < floors; d++) {
      if (from + d < floors && request(car, from + d)) return MotorDirection.UP;
      if (from - d >= 0 && request(car, from - d)) return MotorDirection.DOWN;
    }
    return MotorDirection.STOP;
  }
}
