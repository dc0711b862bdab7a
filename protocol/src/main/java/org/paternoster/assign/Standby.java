package org.paternoster.assign;

/**
 * The primary's advice to one car about what to do when it has nothing better to do: where to
 * wait while it has no call to serve ({@code parkFloor}, or {@link #NO_PARK}), and whether to keep
 * its doors open where it stands ({@code holdDoors}: loading at the lobby in up-peak).
 *
 * <p>Advice only: it never takes a call away from a car nor keeps one from being served; a car
 * with a call to serve ignores the park floor, and the car itself bounds how long a hold keeps
 * its doors open ({@code FsmConfig#maxHoldMs}). A car that loses its primary drops the advice.
 */
public record Standby(int parkFloor, boolean holdDoors) {
  public static final int NO_PARK = -1;
  /** No advice: stay where the last call left you, close the doors after the door time. */
  public static final Standby NONE = new Standby(NO_PARK, false);

  public Standby {
    if (parkFloor < NO_PARK) throw new IllegalArgumentException("park floor must be >= 0 or " + NO_PARK + ", got " + parkFloor);
  }

  public boolean parks() {
    return parkFloor != NO_PARK;
  }
}
