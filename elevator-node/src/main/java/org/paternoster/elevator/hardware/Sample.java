package org.paternoster.elevator.hardware;

import java.util.BitSet;

/**
 * The level state read by one complete poll. Immutable: the button set is copied in and never
 * handed out. {@code floor} is -1 between floors.
 */
record Sample(BitSet pressed, int floor, boolean stop, boolean obstruction) {
  Sample {
    pressed = (BitSet) pressed.clone();
  }

  boolean isPressed(Button button, int floor) {
    return pressed.get(index(button, floor));
  }

  static int index(Button button, int floor) {
    return floor * Button.values().length + button.code();
  }

  @Override
  public BitSet pressed() {
    return (BitSet) pressed.clone();
  }
}
