package org.paternoster.orders;

/** A button inside car {@code elevator}: only that car serves it. */
public record CabCall(String elevator, int floor) implements Call {
  @Override
  public String toString() {
    return "cab(" + elevator + "," + floor + ")";
  }
}
