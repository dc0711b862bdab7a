package org.paternoster.elevator.fsm;

import org.paternoster.assign.MotorDirection;

/**
 * What the {@link Fsm} asks its shell to do, in the order returned. Executing the hardware
 * actions in that order keeps the invariant that the door lamp is never on while the motor runs.
 */
public sealed interface Action {
  /** Command the motor (sent even when unchanged: the stalled-motor watchdog re-commands it). */
  record Motor(MotorDirection direction) implements Action {}

  record DoorLamp(boolean on) implements Action {}

  record FloorIndicator(int floor) implements Action {}

  record StopLamp(boolean on) implements Action {}

  /** Exactly this call was served here and removed from the car's calls; report it. */
  record Served(Call call) implements Action {}

  /** Call {@link Fsm#tick(long)} at (or soon after) {@code at}; replaces any earlier request. */
  record WakeAt(long at) implements Action {}
}
