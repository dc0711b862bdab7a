package org.paternoster.elevator.fsm;

import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;

/**
 * A read-only snapshot of a car for {@code GET /state} and for state reports to the primary.
 *
 * @param floor the floor the car is at or last passed; null until a floor sensor has fired
 * @param unavailable null when the car can serve hall calls, otherwise why not: "motor" (motor
 *     on but the car does not move), "door" (door held open too long) or "stop" (stop button held)
 */
public record ElevatorState(
    Integer floor,
    MotorDirection direction,
    Behaviour behaviour,
    boolean obstruction,
    boolean stopPressed,
    String unavailable) {

  public static final String MOTOR = "motor";
  public static final String DOOR = "door";
  public static final String STOP = "stop";

  public boolean available() {
    return unavailable == null;
  }
}
