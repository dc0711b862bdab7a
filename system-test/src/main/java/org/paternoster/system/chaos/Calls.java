package org.paternoster.system.chaos;

/**
 * Call keys as strings, so histories are easy to write by hand: {@code hall:F:up},
 * {@code hall:F:down}, {@code cab:NODE:F}.
 */
public final class Calls {
  private Calls() {}

  public static String hall(int floor, String direction) {
    return "hall:" + floor + ":" + direction;
  }

  public static String cab(String node, int floor) {
    return "cab:" + node + ":" + floor;
  }

  public static boolean isHall(String call) {
    return call.startsWith("hall:");
  }

  public static int floor(String call) {
    String[] p = call.split(":");
    return Integer.parseInt(isHall(call) ? p[1] : p[2]);
  }

  /** The elevator a cab call belongs to; null for a hall call. */
  public static String elevator(String call) {
    return isHall(call) ? null : call.split(":")[1];
  }

  /** The hall direction (up|down); null for a cab call. */
  public static String direction(String call) {
    return isHall(call) ? call.split(":")[2] : null;
  }
}
