package org.paternoster.elevator.sim;

import java.util.BitSet;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Button;

/**
 * A simulated elevator: car physics ({@link Shaft}), panel buttons, switches and lamps. Pure: no
 * I/O, no clock of its own; every method that depends on time takes {@code now} in milliseconds
 * from any monotonic clock and first advances the car to it (a {@code now} earlier than one seen
 * before counts as no time passing).
 *
 * <p>A "motor cut" fault keeps the commanded direction but stops the car, the way the course tests
 * motor power loss. Not thread-safe: owned by one Vert.x context in the shells.
 */
public final class SimulatorCore {
  private final SimulatorConfig config;
  private final Shaft shaft;
  private final long[] pressedUntil;
  private final BitSet buttonLamps = new BitSet();
  private MotorDirection motor = MotorDirection.STOP;
  private boolean motorCut;
  private int floorIndicator;
  private boolean doorLamp;
  private boolean stopLamp;
  private boolean obstruction;
  private boolean stop;
  private long lastNow;

  public SimulatorCore(SimulatorConfig config, long now) {
    this.config = config;
    this.shaft = new Shaft(config);
    this.pressedUntil = new long[config.floors() * Button.values().length];
    this.lastNow = now;
  }

  public SimulatorConfig config() {
    return config;
  }

  public int floors() {
    return config.floors();
  }

  /** The floor whose sensor is active, or -1 between floors. */
  public int floorSensor(long now) {
    advance(now);
    return shaft.sensor();
  }

  public void setMotor(MotorDirection direction, long now) {
    advance(now);
    motor = direction;
    if (direction == MotorDirection.STOP) shaft.move(MotorDirection.STOP, 0);
  }

  public void cutMotor(long now) {
    advance(now);
    motorCut = true;
  }

  public void restoreMotor(long now) {
    advance(now);
    motorCut = false;
  }

  /** Presses a button for {@link SimulatorConfig#pressMs()}; it must exist at that floor. */
  public void press(Button button, int floor, long now) {
    requireButton(button, floor);
    advance(now);
    pressedUntil[SimulatorState.index(button, floor)] = now + config.pressMs();
  }

  public boolean isPressed(Button button, int floor, long now) {
    advance(now);
    return now < pressedUntil[SimulatorState.index(button, floor)];
  }

  public void setButtonLamp(Button button, int floor, boolean on) {
    buttonLamps.set(SimulatorState.index(button, floor), on);
  }

  public void setFloorIndicator(int floor) {
    floorIndicator = floor;
  }

  public void setDoorLamp(boolean on) {
    doorLamp = on;
  }

  public void setStopLamp(boolean on) {
    stopLamp = on;
  }

  public void setObstruction(boolean active) {
    obstruction = active;
  }

  public boolean obstruction() {
    return obstruction;
  }

  public void setStop(boolean pressed) {
    stop = pressed;
  }

  public boolean stop() {
    return stop;
  }

  /** Opcode 0: the motor stops and every lamp goes off; the car stays where it is. */
  public void reset(long now) {
    setMotor(MotorDirection.STOP, now);
    buttonLamps.clear();
    floorIndicator = 0;
    doorLamp = false;
    stopLamp = false;
  }

  public SimulatorState state(long now) {
    advance(now);
    BitSet held = new BitSet();
    for (int i = 0; i < pressedUntil.length; i++) held.set(i, now < pressedUntil[i]);
    return new SimulatorState(config.floors(), shaft.sensor(), shaft.position(), motor, motorCut,
        buttonLamps, held, floorIndicator, doorLamp, stopLamp, obstruction, stop);
  }

  private void advance(long now) {
    long elapsed = now - lastNow;
    if (elapsed <= 0) return;
    lastNow = now;
    if (!motorCut) shaft.move(motor, elapsed);
  }

  private void requireButton(Button button, int floor) {
    if (!button.existsAt(floor, config.floors())) {
      throw new IllegalArgumentException("no " + button + " button at floor " + floor);
    }
  }
}
