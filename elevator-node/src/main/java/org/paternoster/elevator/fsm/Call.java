package org.paternoster.elevator.fsm;

import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Button;

/** A call for service at a floor: a cab call, or a hall call in one direction. */
public record Call(Button button, int floor) {
  public Call {
    if (button == null) throw new IllegalArgumentException("button is required");
    if (floor < 0) throw new IllegalArgumentException("floor must not be negative");
  }

  public static Call cab(int floor) {
    return new Call(Button.CAB, floor);
  }

  public static Call hall(int floor, MotorDirection direction) {
    if (direction == MotorDirection.STOP) throw new IllegalArgumentException("a hall call goes up or down");
    return new Call(hallButton(direction), floor);
  }

  /** The hall button a passenger travelling {@code direction} presses; null for STOP. */
  public static Button hallButton(MotorDirection direction) {
    return switch (direction) {
      case UP -> Button.HALL_UP;
      case DOWN -> Button.HALL_DOWN;
      case STOP -> null;
    };
  }

  public static Call hallUp(int floor) {
    return new Call(Button.HALL_UP, floor);
  }

  public static Call hallDown(int floor) {
    return new Call(Button.HALL_DOWN, floor);
  }

  public boolean isCab() {
    return button == Button.CAB;
  }

  @Override
  public String toString() {
    return switch (button) {
      case CAB -> "cab " + floor;
      case HALL_UP -> "hall " + floor + " up";
      case HALL_DOWN -> "hall " + floor + " down";
    };
  }
}
