package org.paternoster.assign;

import org.paternoster.dispatch.CarState;
import org.paternoster.dispatch.CarView;
import org.paternoster.dispatch.Kinematics;
import org.paternoster.dispatch.Trip;

/**
 * A car as the course's hardware reports it ({@link ElevatorState}: last floor, idle / moving /
 * door open, direction, cab calls), seen through the {@link CarView} a group dispatcher reads.
 * What the report cannot say is estimated, not invented: a moving car is taken as half way to its
 * next floor, an open door as half through its cycle; load is unknown (0: the dispatcher must not
 * read it, {@code paternoster-noload}). Immutable; valid for the one decision it was made for.
 */
final class CourseCar implements CarView {
  private final int index;
  private final ElevatorState s;
  private final int capacity;
  private final Kinematics k;
  private final double doorCycleS;
  private final Trip trip; // the assumed trip of a moving car, else null
  private final double now;
  private final int parkFloor;
  /** The floors someone on board is going to, read once (routes are played many times a decision). */
  private final java.util.BitSet cabStops = new java.util.BitSet();

  CourseCar(int index, ElevatorState state, int floors, int capacity, Kinematics k, double doorCycleS, double now, int parkFloor) {
    this.index = index;
    this.parkFloor = parkFloor;
    this.s = state;
    this.capacity = capacity;
    this.k = k;
    this.doorCycleS = doorCycleS;
    this.now = now;
    int next = state.floor() + state.direction().step();
    boolean moving = state.behaviour() == Behaviour.MOVING && state.direction() != MotorDirection.STOP && next >= 0 && next < floors;
    this.trip = moving ? new Trip(state.floor(), next, now - k.floorsTime(1) / 2, state.direction()) : null;
    for (int f = 0; f < floors; f++) {
      if (state.cabRequest(f)) cabStops.set(f);
    }
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public CarState state() {
    if (trip != null) return CarState.MOVING;
    return s.behaviour() == Behaviour.DOOR_OPEN ? CarState.OPEN : CarState.IDLE;
  }

  @Override
  public MotorDirection direction() {
    return state() == CarState.IDLE ? MotorDirection.STOP : s.direction();
  }

  @Override
  public int floor() {
    return s.floor();
  }

  @Override
  public double position(double at) {
    return trip == null ? s.floor() : trip.positionAt(k, at);
  }

  @Override
  public Trip trip() {
    return trip;
  }

  @Override
  public int firstStoppable(double at) {
    return trip == null ? s.floor() : trip.target();
  }

  @Override
  public int load() {
    return 0;
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public boolean cabStop(int floor) {
    return s.cabRequest(floor);
  }

  @Override
  public void addCabStops(java.util.BitSet into, int floors) {
    into.or(floors >= cabStops.length() ? cabStops : cabStops.get(0, floors));
  }

  @Override
  public int parkFloor() {
    return parkFloor;
  }

  @Override
  public double readyAt(double at) {
    if (trip != null) return trip.arrivalAt(k);
    return s.behaviour() == Behaviour.DOOR_OPEN ? now + doorCycleS / 2 : now;
  }
}
