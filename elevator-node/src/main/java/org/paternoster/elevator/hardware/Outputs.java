package org.paternoster.elevator.hardware;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.paternoster.assign.MotorDirection;

/**
 * The outputs the controller wants the hardware to show. Setters report whether anything changed,
 * so the driver sends a lamp only on change; {@link #all()} restores everything after a reconnect.
 * Not thread-safe: owned by the driver's context.
 */
final class Outputs {
  private final int floors;
  private final BitSet buttonLamps = new BitSet();
  private int floorIndicator = -1;
  private boolean doorLamp;
  private boolean stopLamp;
  private MotorDirection motor = MotorDirection.STOP;

  Outputs(int floors) {
    this.floors = floors;
  }

  boolean setButtonLamp(Button button, int floor, boolean on) {
    int index = Sample.index(button, floor);
    if (buttonLamps.get(index) == on) return false;
    buttonLamps.set(index, on);
    return true;
  }

  boolean setFloorIndicator(int floor) {
    if (floorIndicator == floor) return false;
    floorIndicator = floor;
    return true;
  }

  boolean setDoorLamp(boolean on) {
    if (doorLamp == on) return false;
    doorLamp = on;
    return true;
  }

  boolean setStopLamp(boolean on) {
    if (stopLamp == on) return false;
    stopLamp = on;
    return true;
  }

  void setMotor(MotorDirection direction) {
    motor = direction;
  }

  /** Every output, lamps that are off included, so a fresh server shows exactly this state. */
  List<Frame> all() {
    List<Frame> frames = new ArrayList<>();
    for (int floor = 0; floor < floors; floor++) {
      for (Button button : Button.values()) {
        if (button.existsAt(floor, floors)) {
          frames.add(Frame.buttonLamp(button, floor, buttonLamps.get(Sample.index(button, floor))));
        }
      }
    }
    if (floorIndicator >= 0) frames.add(Frame.floorIndicator(floorIndicator));
    frames.add(Frame.doorLamp(doorLamp));
    frames.add(Frame.stopLamp(stopLamp));
    frames.add(Frame.motor(motor));
    return frames;
  }
}
