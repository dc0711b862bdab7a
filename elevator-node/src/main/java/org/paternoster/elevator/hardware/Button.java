package org.paternoster.elevator.hardware;

import org.paternoster.orders.Building;
import org.paternoster.orders.Direction;

/** A button on the panel, with its protocol code (the {@code button} byte of opcodes 2 and 6). */
public enum Button {
  HALL_UP(0),
  HALL_DOWN(1),
  CAB(2);

  private final int code;

  Button(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The button with this protocol code, or null for any other byte. */
  public static Button fromCode(int code) {
    for (Button b : values()) {
      if (b.code == code) return b;
    }
    return null;
  }

  /**
   * Whether this button is mounted at {@code floor} of a building with {@code floors} floors:
   * there is no hall-up button at the top floor and no hall-down button at floor 0.
   */
  public boolean existsAt(int floor, int floors) {
    return Building.buttonExists(floor, floors, this == HALL_UP ? Direction.UP : this == HALL_DOWN ? Direction.DOWN : null);
  }
}
