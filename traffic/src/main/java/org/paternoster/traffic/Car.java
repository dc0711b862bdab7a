package org.paternoster.traffic;

import org.paternoster.dispatch.Building;
import org.paternoster.dispatch.Kinematics;
import org.paternoster.dispatch.Trip;
import org.paternoster.dispatch.CarState;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.assign.MotorDirection;
import org.paternoster.dispatch.CarView;

/**
 * One car's state: where it is, its doors, who is on board (in boarding order) and what it
 * announces. The {@link Simulation} drives its transitions; every scheduled step carries the
 * car's {@link #token}, so a step made stale by a retarget is ignored.
 */
final class Car implements CarView {
  private final int index;
  private final Building building;
  private final Kinematics kinematics;
  final List<Passenger> onBoard = new ArrayList<>();
  CarState state = CarState.IDLE;
  /** The floor at rest, or the trip's origin while moving. */
  int floor;
  Trip trip;
  MotorDirection direction = MotorDirection.STOP;
  int parkFloor = -1;
  double holdUntil = Double.NEGATIVE_INFINITY;
  double doorOpenStartAt = Double.NaN;
  double openedAt = Double.NaN;
  /** When the step under way ends (door motion, one transfer, dwell, start delay, trip). */
  double stepEndAt;
  boolean transferring;
  boolean idleNotified;
  long token;

  Car(int index, Building building, Kinematics kinematics, int floor) {
    this.index = index;
    this.building = building;
    this.kinematics = kinematics;
    this.floor = floor;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public CarState state() {
    return state;
  }

  @Override
  public MotorDirection direction() {
    return direction;
  }

  @Override
  public int floor() {
    if (state != CarState.MOVING) return floor;
    double p = trip.positionAt(kinematics, stepNow);
    int passed = direction == MotorDirection.UP ? (int) Math.floor(p + 1e-9) : (int) Math.ceil(p - 1e-9);
    return passed;
  }

  /** The time {@link #floor()} refers to, set by the simulation before each callback. */
  double stepNow;

  @Override
  public double position(double now) {
    return state == CarState.MOVING ? trip.positionAt(kinematics, now) : floor;
  }

  @Override
  public Trip trip() {
    return state == CarState.MOVING ? trip : null;
  }

  @Override
  public int firstStoppable(double now) {
    return state == CarState.MOVING ? trip.firstStoppable(kinematics, now) : floor;
  }

  @Override
  public int load() {
    return onBoard.size();
  }

  @Override
  public int capacity() {
    return building.capacity();
  }

  @Override
  public boolean cabStop(int f) {
    for (Passenger p : onBoard) if (p.destination() == f) return true;
    return false;
  }

  int alightingAt(int f) {
    int n = 0;
    for (Passenger p : onBoard) if (p.destination() == f) n++;
    return n;
  }

  @Override
  public int parkFloor() {
    return parkFloor;
  }

  @Override
  public double readyAt(double now) {
    Building b = building;
    double close = b.doorCloseS() + b.startDelayS();
    return switch (state) {
      case IDLE -> now + b.startDelayS();
      case STARTING, MOVING -> stepEndAt;
      case OPENING -> stepEndAt + Math.max(b.minDwellS(), b.transferS() * alightingAt(floor)) + close;
      case OPEN -> Math.max(now, stepEndAt) + b.transferS() * alightingAt(floor) + close;
      case CLOSING -> stepEndAt + b.startDelayS();
    };
  }

  @Override
  public String toString() {
    return "car " + index + " " + state + " " + direction + " floor " + floor + " load " + onBoard.size()
        + (trip != null && state == CarState.MOVING ? " trip " + trip.origin() + "->" + trip.target() : "");
  }
}
