package org.paternoster.dispatch;

import org.paternoster.assign.MotorDirection;
import org.paternoster.orders.Direction;

/** Conversions between a hall button's direction and a car's. */
public final class Directions {
  private Directions() {}

  public static MotorDirection of(Direction d) {
    return d == Direction.UP ? MotorDirection.UP : MotorDirection.DOWN;
  }

  /** The hall direction a car going {@code d} serves; null for STOP. */
  public static Direction hall(MotorDirection d) {
    return switch (d) {
      case UP -> Direction.UP;
      case DOWN -> Direction.DOWN;
      case STOP -> null;
    };
  }

  public static int index(Direction d) {
    return d == Direction.UP ? 0 : 1;
  }
}
