package org.paternoster.orders;

import org.paternoster.http.BadRequest;

/**
 * The building's shape: {@code floors} landings numbered 0..floors-1. Decides which calls exist:
 * no hall-up at the top floor, no hall-down at floor 0.
 */
public record Building(int floors) {
  public static final int MIN_FLOORS = 2;
  public static final int MAX_FLOORS = 64;

  public Building {
    if (floors < MIN_FLOORS || floors > MAX_FLOORS) {
      throw new IllegalArgumentException("floors must be in " + MIN_FLOORS + ".." + MAX_FLOORS);
    }
  }

  /** Throws {@link BadRequest} when {@code call} has no button in this building. */
  public Call check(Call call) {
    if (call.floor() < 0 || call.floor() >= floors) {
      throw new BadRequest("floor must be in 0.." + (floors - 1) + ", got " + call.floor());
    }
    if (call instanceof HallCall h) {
      if (h.direction() == Direction.UP && h.floor() == floors - 1) throw new BadRequest("no hall up button at the top floor");
      if (h.direction() == Direction.DOWN && h.floor() == 0) throw new BadRequest("no hall down button at floor 0");
    }
    return call;
  }
}
