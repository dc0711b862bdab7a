package org.paternoster.orders;

/** The direction of a hall call, as written on the landing button. */
public enum Direction {
  UP,
  DOWN;

  public String json() {
    return this == UP ? "up" : "down";
  }

  public static Direction fromJson(String s) {
    return switch (s) {
      case "up" -> UP;
      case "down" -> DOWN;
      default -> throw new IllegalArgumentException("direction must be up or down: " + s);
    };
  }
}
