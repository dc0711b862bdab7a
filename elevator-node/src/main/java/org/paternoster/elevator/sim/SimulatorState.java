package org.paternoster.elevator.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.BitSet;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Button;

/**
 * An immutable snapshot of the simulated elevator, as served by {@code GET /state}.
 * {@link #floor()} is the floor whose sensor is active, -1 between floors; {@link #position()} is
 * in floors (1.5 = halfway from floor 1 to 2).
 */
public final class SimulatorState {
  private static final int BUTTONS = Button.values().length;

  private final int floors;
  private final int floor;
  private final double position;
  private final MotorDirection motor;
  private final boolean motorCut;
  private final BitSet lamps;
  private final BitSet pressed;
  private final int floorIndicator;
  private final boolean doorLamp;
  private final boolean stopLamp;
  private final boolean obstruction;
  private final boolean stop;

  SimulatorState(int floors, int floor, double position, MotorDirection motor, boolean motorCut,
      BitSet lamps, BitSet pressed, int floorIndicator, boolean doorLamp, boolean stopLamp,
      boolean obstruction, boolean stop) {
    this.floors = floors;
    this.floor = floor;
    this.position = position;
    this.motor = motor;
    this.motorCut = motorCut;
    this.lamps = (BitSet) lamps.clone();
    this.pressed = (BitSet) pressed.clone();
    this.floorIndicator = floorIndicator;
    this.doorLamp = doorLamp;
    this.stopLamp = stopLamp;
    this.obstruction = obstruction;
    this.stop = stop;
  }

  static int index(Button button, int floor) {
    return floor * BUTTONS + button.code();
  }

  public int floors() {
    return floors;
  }

  public int floor() {
    return floor;
  }

  public boolean betweenFloors() {
    return floor < 0;
  }

  public double position() {
    return position;
  }

  public MotorDirection motor() {
    return motor;
  }

  public boolean motorCut() {
    return motorCut;
  }

  public boolean lamp(Button button, int floor) {
    return lamps.get(index(button, floor));
  }

  /** Whether the button is being held right now. */
  public boolean isPressed(Button button, int floor) {
    return pressed.get(index(button, floor));
  }

  public int floorIndicator() {
    return floorIndicator;
  }

  public boolean doorLamp() {
    return doorLamp;
  }

  public boolean stopLamp() {
    return stopLamp;
  }

  public boolean obstruction() {
    return obstruction;
  }

  public boolean stop() {
    return stop;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("floors", floors)
        .put("floor", floor < 0 ? null : floor)
        .put("betweenFloors", betweenFloors())
        .put("position", position)
        .put("motor", motor.name().toLowerCase())
        .put("motorCut", motorCut)
        .put("lamps", panel(lamps))
        .put("pressed", panel(pressed))
        .put("floorIndicator", floorIndicator)
        .put("doorLamp", doorLamp)
        .put("stopLamp", stopLamp)
        .put("obstruction", obstruction)
        .put("stop", stop);
  }

  @Override
  public String toString() {
    return toJson().encode();
  }

  /** {@code {"hall": [[up, down], ...], "cab": [...]}}, one entry per floor. */
  private JsonObject panel(BitSet buttons) {
    JsonArray hall = new JsonArray();
    JsonArray cab = new JsonArray();
    for (int f = 0; f < floors; f++) {
      hall.add(new JsonArray()
          .add(buttons.get(index(Button.HALL_UP, f)))
          .add(buttons.get(index(Button.HALL_DOWN, f))));
      cab.add(buttons.get(index(Button.CAB, f)));
    }
    return new JsonObject().put("hall", hall).put("cab", cab);
  }
}
