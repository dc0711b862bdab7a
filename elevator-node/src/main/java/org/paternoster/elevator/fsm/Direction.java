package org.paternoster.elevator.fsm;

import org.paternoster.elevator.hardware.Button;
import org.paternoster.elevator.hardware.MotorDirection;

/** A car's direction of travel or announced direction, in the course assigner's vocabulary. */
public enum Direction {
  UP("up"),
  DOWN("down"),
  STOP("stop");

  private final String wireName;

  Direction(String wireName) {
    this.wireName = wireName;
  }

  /** "up", "down" or "stop", as the course's assigner JSON spells it. */
  public String wireName() {
    return wireName;
  }

  public Direction opposite() {
    return switch (this) {
      case UP -> DOWN;
      case DOWN -> UP;
      case STOP -> STOP;
    };
  }

  /** The hall button a passenger travelling this way presses; null for STOP. */
  public Button hallButton() {
    return switch (this) {
      case UP -> Button.HALL_UP;
      case DOWN -> Button.HALL_DOWN;
      case STOP -> null;
    };
  }

  public MotorDirection motor() {
    return switch (this) {
      case UP -> MotorDirection.UP;
      case DOWN -> MotorDirection.DOWN;
      case STOP -> MotorDirection.STOP;
    };
  }
}
