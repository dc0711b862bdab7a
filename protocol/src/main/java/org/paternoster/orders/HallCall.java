package org.paternoster.orders;

/** A landing button: any car may serve it. */
public record HallCall(int floor, Direction direction) implements Call {
  @Override
  public String toString() {
    return "hall(" + floor + "," + direction.json() + ")";
  }
}
