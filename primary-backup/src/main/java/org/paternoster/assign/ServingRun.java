package org.paternoster.assign;

import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/**
 * One car serving a fixed set of calls, played forward with the single-car rules until it is idle:
 * keep the direction while there are calls ahead, stop at a floor with a cab call or a hall call
 * in the travel direction, and turn at the last call. One arrival never clears both hall
 * directions: a car that turns at a floor where both were pressed holds the door a second time.
 *
 * <p>The report does not say how far a moving car is to its next floor, or how long a door has
 * been open, so both are taken as half done: a moving car first reaches the floor after its last
 * one in half a travel time; an open door first closes in half a door time. Single use.
 *
 * <p>The car goes from call to call, not floor by floor: a floor without a call changes nothing,
 * and the floors that have one are a bit set, so "any call ahead" is a word scan. (The assigner
 * plays a run per call per car: 64 cars, 100 floors and 198 calls made the floor-by-floor walk
 * the primary's biggest cost; docs/DISPATCH.md, "Scale".)
 */
final class ServingRun {
  /** Returned when the run hits its step bound, which a correct run never does. */
  static final long UNBOUNDED = Long.MAX_VALUE;

  private final long travelMillis;
  private final long doorMillis;
  private final int floors;
  private final boolean[] up;
  private final boolean[] down;
  private final boolean[] cab;
  /** The floors where any call (up, down or cab) is still to be served. */
  private final BitSet calls;
  private final ElevatorState car;
  private int floor;
  private MotorDirection direction;
  private long elapsed;
  /** When the door opens for each hall call it serves, in ms from the start; null unless asked for (the assigner's runs are not). */
  private Map<HallCall, Long> arrivals;

  ServingRun(ElevatorState car, int floors, Collection<HallCall> hallCalls, long travelMillis, long doorMillis) {
    this.car = car;
    this.floors = floors;
    this.travelMillis = travelMillis;
    this.doorMillis = doorMillis;
    this.up = new boolean[floors];
    this.down = new boolean[floors];
    this.cab = new boolean[floors];
    this.calls = new BitSet(floors);
    for (int f = 0; f < floors; f++) {
      cab[f] = car.cabRequest(f);
      if (cab[f]) calls.set(f);
    }
    for (HallCall c : hallCalls) {
      (c.direction() == Direction.UP ? up : down)[c.floor()] = true;
      calls.set(c.floor());
    }
    this.floor = Math.min(car.floor(), floors - 1);
    this.direction = car.direction();
  }

  /** Milliseconds until the car has served every call and stands idle with its door closed. */
  long timeToIdle() {
    start();
    for (int travelled = 0; travelled <= 3 * floors; ) {
      MotorDirection next = nextDirection();
      if (next == MotorDirection.STOP) return elapsed;
      direction = next;
      int to = nextCall(direction);
      int floorsToGo = Math.abs(to - floor);
      floor = to;
      elapsed += floorsToGo * travelMillis;
      travelled += floorsToGo;
      stop();
    }
    return UNBOUNDED;
  }

  /** Plays the run ({@link #timeToIdle}) noting when the door opens for each hall call it serves, in ms from the start. */
  Map<HallCall, Long> arrivals() {
    arrivals = new LinkedHashMap<>();
    timeToIdle();
    return Map.copyOf(arrivals);
  }

  /** At a stop: the hall call along the direction is served now, the one against it (at a turn) after another door time if both are. */
  private void noteArrivals(boolean alongHere, boolean turnHere) {
    Direction along = direction == MotorDirection.UP ? Direction.UP : Direction.DOWN;
    Direction against = along == Direction.UP ? Direction.DOWN : Direction.UP;
    if (alongHere) arrivals.put(new HallCall(floor, along), elapsed);
    if (turnHere) arrivals.put(new HallCall(floor, against), elapsed + (alongHere ? doorMillis : 0));
  }

  private void start() {
    boolean canMove = direction != MotorDirection.STOP && inBuilding(floor + direction.step());
    switch (car.behaviour()) {
      case MOVING -> {
        if (canMove) {
          elapsed += travelMillis / 2;
          floor += direction.step();
        } else {
          direction = MotorDirection.STOP;
        }
      }
      case DOOR_OPEN -> elapsed += doorMillis / 2;
      case IDLE -> direction = MotorDirection.STOP;
    }
    if (direction == MotorDirection.STOP) direction = firstDirection();
    stop();
  }

  /** For a car without a direction: towards a hall call here, else up if anything is above. */
  private MotorDirection firstDirection() {
    if (up[floor]) return MotorDirection.UP;
    if (down[floor]) return MotorDirection.DOWN;
    return callsAhead(MotorDirection.UP) ? MotorDirection.UP : MotorDirection.DOWN;
  }

  /** Opens the door if a call here wants this car, clears what it serves, and pays the door time. */
  private void stop() {
    boolean[] along = direction == MotorDirection.UP ? up : down;
    boolean[] against = direction == MotorDirection.UP ? down : up;
    boolean alongHere = along[floor];
    boolean turnHere = against[floor] && !callsAhead(direction);
    if (arrivals != null) noteArrivals(alongHere, turnHere);
    int openings = (cab[floor] || alongHere || turnHere ? 1 : 0) + (alongHere && turnHere ? 1 : 0);
    cab[floor] = false;
    along[floor] = false;
    if (turnHere) {
      against[floor] = false;
      direction = direction.opposite();
    }
    if (!up[floor] && !down[floor]) calls.clear(floor);
    elapsed += openings * doorMillis;
  }

  private MotorDirection nextDirection() {
    if (callsAhead(direction)) return direction;
    if (callsAhead(direction.opposite())) return direction.opposite();
    return MotorDirection.STOP;
  }

  private boolean callsAhead(MotorDirection d) {
    return d != MotorDirection.STOP && nextCall(d) >= 0;
  }

  /** The nearest floor beyond this one in {@code d} (UP or DOWN) with a call, or -1. */
  private int nextCall(MotorDirection d) {
    return d == MotorDirection.UP ? calls.nextSetBit(floor + 1) : calls.previousSetBit(floor - 1);
  }

  private boolean inBuilding(int f) {
    return f >= 0 && f < floors;
  }
}
