package org.paternoster.dashboard.cluster;

/** A hall call button: a floor and a direction ({@code "up"} or {@code "down"}). */
public record HallButton(int floor, String direction) {
  public HallButton {
    if (!"up".equals(direction) && !"down".equals(direction)) {
      throw new IllegalArgumentException("direction must be up or down: " + direction);
    }
  }
}
