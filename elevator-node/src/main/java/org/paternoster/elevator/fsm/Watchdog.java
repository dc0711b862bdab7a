package org.paternoster.elevator.fsm;

/**
 * Notices a car that cannot make progress, so the node can take it out of hall assignment:
 * the motor on and no floor-sensor change for {@link FsmConfig#motorTimeoutMs()} ("motor"), or
 * the door open longer than {@link FsmConfig#doorTimeoutMs()} ("door"). Each condition clears
 * itself: "motor" when the sensor changes, "door" when the door closes. Pure; owned by the {@link Fsm}.
 */
final class Watchdog {
  static final long NONE = Long.MAX_VALUE;

  private final FsmConfig config;
  private long motorDeadline = NONE;
  private long doorDeadline = NONE;
  private boolean motorStalled;
  private boolean doorStuck;

  Watchdog(FsmConfig config) {
    this.config = config;
  }

  void motorStarted(long now) {
    motorDeadline = now + config.motorTimeoutMs();
  }

  void motorStopped() {
    motorDeadline = NONE;
  }

  /** The floor sensor changed: the car moves. */
  void progress(long now) {
    motorStalled = false;
    if (motorDeadline != NONE) motorDeadline = now + config.motorTimeoutMs();
  }

  void doorOpened(long now) {
    doorDeadline = now + config.doorTimeoutMs();
    doorStuck = false;
  }

  void doorClosed() {
    doorDeadline = NONE;
    doorStuck = false;
  }

  /**
   * Marks the motor stalled when its deadline passed and re-arms it for the next retry.
   *
   * @return true when the shell must re-command the motor
   */
  boolean motorDue(long now) {
    if (now < motorDeadline) return false;
    motorStalled = true;
    motorDeadline = now + config.motorTimeoutMs();
    return true;
  }

  void checkDoor(long now) {
    if (now >= doorDeadline) {
      doorStuck = true;
      doorDeadline = NONE;
    }
  }

  long nextDeadline() {
    return Math.min(motorDeadline, doorDeadline);
  }

  /** {@link ElevatorState#MOTOR}, {@link ElevatorState#DOOR} or null. */
  String reason() {
    if (motorStalled) return ElevatorState.MOTOR;
    if (doorStuck) return ElevatorState.DOOR;
    return null;
  }
}
