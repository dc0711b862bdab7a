package org.paternoster.orders;

/**
 * The building's shape: {@code floors} landings numbered 0..floors-1. Decides which calls exist:
 * no hall-up at the top floor, no hall-down at floor 0.
 */
public record Building(int floors) {
  public static final int MIN_FLOORS = 2;
  public static final int MAX_FLOORS = 128;

  public Building {
    if (floors < MIN_FLOORS || floors > MAX_FLOORS) {
      throw new IllegalArgumentException("floors must be in " + MIN_FLOORS + ".." + MAX_FLOORS);
    }
  }

  /**
   * The one rule for which buttons exist, for every module: a cab button on every floor, a hall-up
   * button on every floor but the top one, a hall-down button on every floor but 0.
   * {@code hallDirection} is null for the cab button.
   */
  public static boolean buttonExists(int floor, int floors, Direction hallDirection) {
    if (floor < 0 || floor >= floors) return false;
    if (hallDirection == Direction.UP) return floor < floors - 1;
    if (hallDirection == Direction.DOWN) return floor > 0;
    return true;
  }

  /** Whether {@code call} has a button in this building ({@link #buttonExists}). */
  public boolean hasButton(Call call) {
    return buttonExists(call.floor(), floors, call instanceof HallCall h ? h.direction() : null);
  }

  /** {@code call}, or {@link NoSuchButton} saying why this building has no button for it. */
  public Call check(Call call) {
    if (hasButton(call)) return call;
    if (call.floor() < 0 || call.floor() >= floors) {
      throw new NoSuchButton("floor must be in 0.." + (floors - 1) + ", got " + call.floor());
    }
    throw new NoSuchButton(((HallCall) call).direction() == Direction.UP ? "no hall up button at the top floor" : "no hall down button at floor 0");
  }
}
