package org.paternoster.elevator.fsm;

/**
 * Timing of the elevator state machine, in milliseconds.
 *
 * @param doorOpenMs how long the door stays open at a stop (3 s)
 * @param motorTimeoutMs motor on and no floor-sensor change for longer than this marks the car
 *     unavailable ("motor") and re-commands the motor; about two floor-travel times (5 s)
 * @param doorTimeoutMs the door open for longer than this marks the car unavailable ("door") (10 s)
 */
public record FsmConfig(int floors, long doorOpenMs, long motorTimeoutMs, long doorTimeoutMs) {
  public FsmConfig {
    if (floors < 2) throw new IllegalArgumentException("floors must be at least 2");
    if (doorOpenMs < 1 || motorTimeoutMs < 1 || doorTimeoutMs < 1) {
      throw new IllegalArgumentException("times must be positive");
    }
  }

  public static FsmConfig defaults(int floors) {
    return new FsmConfig(floors, 3000, 5000, 10000);
  }
}
