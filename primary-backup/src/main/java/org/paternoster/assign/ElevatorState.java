package org.paternoster.assign;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the primary knows of one car when it assigns hall calls. Immutable: the cab-request array
 * is copied in and out.
 *
 * @param id the car's id; ties between cars go to the lowest id in string order
 * @param floor the last floor the car was seen at (a moving car is between it and the next one)
 * @param behaviour idle, moving, or stopped with the door open
 * @param direction the motor direction; for a stopped car, the direction it announced
 * @param cabRequests one flag per floor: a pending cab call of this car
 * @param available false while the car cannot serve (dead motor, stuck door, offline): it is
 *     still listed, keeps its cab calls, and gets no hall calls
 */
public record ElevatorState(
    String id, int floor, Behaviour behaviour, MotorDirection direction, boolean[] cabRequests, boolean available) {

  public ElevatorState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(behaviour, "behaviour");
    Objects.requireNonNull(direction, "direction");
    if (id.isEmpty()) throw new IllegalArgumentException("id must not be empty");
    if (floor < 0) throw new IllegalArgumentException("floor must be >= 0, got " + floor);
    cabRequests = cabRequests.clone();
  }

  /** An available idle car at {@code floor} with no cab calls in a building of {@code floors}. */
  public static ElevatorState idle(String id, int floor, int floors) {
    return new ElevatorState(id, floor, Behaviour.IDLE, MotorDirection.STOP, new boolean[floors], true);
  }

  @Override
  public boolean[] cabRequests() {
    return cabRequests.clone();
  }

  /** Whether this car has a cab call at {@code floor}; false for floors outside its array. */
  public boolean cabRequest(int floor) {
    return floor >= 0 && floor < cabRequests.length && cabRequests[floor];
  }

  /** The same car with cab calls at {@code floors} added. */
  public ElevatorState withCabCalls(int... floors) {
    boolean[] cab = cabRequests.clone();
    for (int f : floors) cab[f] = true;
    return new ElevatorState(id, floor, behaviour, direction, cab, available);
  }

  /** The same car, available or not. */
  public ElevatorState withAvailable(boolean available) {
    return new ElevatorState(id, floor, behaviour, direction, cabRequests, available);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElevatorState e
        && id.equals(e.id)
        && floor == e.floor
        && behaviour == e.behaviour
        && direction == e.direction
        && Arrays.equals(cabRequests, e.cabRequests)
        && available == e.available;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, floor, behaviour, direction, Arrays.hashCode(cabRequests), available);
  }

  @Override
  public String toString() {
    return "ElevatorState[" + id + " floor=" + floor + " " + behaviour.json() + " " + direction.json()
        + " cab=" + Arrays.toString(cabRequests) + (available ? "" : " unavailable") + "]";
  }
}
