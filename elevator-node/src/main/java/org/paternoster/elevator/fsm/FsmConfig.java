package org.paternoster.elevator.fsm;

/**
 * Timing of the elevator state machine, in milliseconds.
 *
 * @param doorOpenMs how long the door stays open at a stop (3 s)
 * @param motorTimeoutMs motor on and no floor-sensor change for longer than this marks the car
 *     unavailable ("motor") and re-commands the motor; about two floor-travel times (5 s)
 * @param doorTimeoutMs the door open for longer than this marks the car unavailable ("door") (10 s);
 *     counted from when the door should have closed, so a hold the primary advised is not a fault
 * @param maxHoldMs the longest the primary's advice may keep a door open after it opened (60 s,
 *     the dispatcher's own limit): a passenger on board is never kept longer, primary or not
 */
public record FsmConfig(int floors, long doorOpenMs, long motorTimeoutMs, long doorTimeoutMs, long maxHoldMs) {
  public static final long DEFAULT_MAX_HOLD_MS = 60_000;

  public FsmConfig {
    if (floors < 2) throw new IllegalArgumentException("floors must be at least 2");
    if (doorOpenMs < 1 || motorTimeoutMs < 1 || doorTimeoutMs < 1 || maxHoldMs < 0) {
      throw new IllegalArgumentException("times must be positive (the hold limit may be 0)");
    }
  }

  public static FsmConfig defaults(int floors) {
    return new FsmConfig(floors, 3000, 5000, 10000, DEFAULT_MAX_HOLD_MS);
  }
}
