package org.paternoster.elevator.fsm;

import static org.paternoster.assign.MotorDirection.DOWN;
import static org.paternoster.assign.MotorDirection.STOP;
import static org.paternoster.assign.MotorDirection.UP;

import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Button;

/**
 * The single-car service rules of the TTK4145 course ("requests above / below / here"), with one
 * refinement: at a stop the car announces one direction, so one arrival never clears both hall
 * calls of a floor. Pure functions of the car's calls, floor and direction.
 */
final class DirectionChooser {
  private DirectionChooser() {}

  /**
   * Whether a car moving in {@code moving} stops at {@code floor}: for a cab call there, a hall
   * call there in its direction, or because nothing lies further on (it then turns or rests).
   */
  static boolean shouldStop(Calls calls, int floor, MotorDirection moving) {
    return calls.has(Button.CAB, floor) || hallHere(calls, floor, moving) || !calls.anyBeyond(floor, moving);
  }

  /**
   * The direction announced when a car travelling in {@code travelling} stops at {@code floor}:
   * keep going if a passenger here wants that way or calls lie further on; otherwise turn for a
   * hall call here the other way; otherwise announce nothing.
   */
  static MotorDirection announceOnArrival(Calls calls, int floor, MotorDirection travelling) {
    if (travelling == STOP) return announceFromRest(calls, floor);
    if (hallHere(calls, floor, travelling) || calls.anyBeyond(floor, travelling)) return travelling;
    if (hallHere(calls, floor, travelling.opposite())) return travelling.opposite();
    return STOP;
  }

  /**
   * The direction announced when a resting car opens for calls at its floor: the hall call's
   * direction; with both, the side that has further calls (up when both or neither do).
   */
  static MotorDirection announceFromRest(Calls calls, int floor) {
    boolean up = calls.has(Button.HALL_UP, floor);
    boolean down = calls.has(Button.HALL_DOWN, floor);
    if (up && down) return calls.anyBelow(floor) && !calls.anyAbove(floor) ? DOWN : UP;
    if (up) return UP;
    if (down) return DOWN;
    return STOP;
  }

  /**
   * Where to go when the door closes or a resting car gets calls elsewhere: on in the
   * {@code preferred} direction while calls lie that way, else the other way, else nowhere
   * (a car without a preference looks up first).
   */
  static MotorDirection departure(Calls calls, int floor, MotorDirection preferred) {
    MotorDirection first = preferred == DOWN ? DOWN : UP;
    if (calls.anyBeyond(floor, first)) return first;
    if (calls.anyBeyond(floor, first.opposite())) return first.opposite();
    return STOP;
  }

  /**
   * Whether the car, its door open announcing {@code announced}, must turn here: someone waits
   * here for the other direction and nothing lies further on. Turning serves that call only after
   * another full door time (a separate served event), never on the same arrival.
   */
  static boolean mustReverseHere(Calls calls, int floor, MotorDirection announced) {
    return announced != STOP
        && hallHere(calls, floor, announced.opposite())
        && !calls.anyBeyond(floor, announced);
  }

  static boolean hallHere(Calls calls, int floor, MotorDirection direction) {
    return direction != STOP && calls.has(Call.hallButton(direction), floor);
  }
}
