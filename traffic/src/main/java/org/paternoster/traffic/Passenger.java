package org.paternoster.traffic;

import org.paternoster.orders.Direction;

/**
 * One person of a trace. Times in seconds; NaN until it happened. {@code waitEndAt}: the doors of
 * the car they board begin to open (their arrival, if they were already open); {@code deliveredAt}:
 * the doors begin to open at their destination.
 */
public final class Passenger {
  private final long id;
  private final double arrivalAt;
  private final int origin;
  private final int destination;
  double waitEndAt = Double.NaN;
  double boardedAt = Double.NaN;
  double deliveredAt = Double.NaN;
  double alightedAt = Double.NaN;
  int car = -1;

  public Passenger(long id, double arrivalAt, int origin, int destination) {
    if (origin == destination) throw new IllegalArgumentException("passenger " + id + " goes nowhere: " + origin);
    this.id = id;
    this.arrivalAt = arrivalAt;
    this.origin = origin;
    this.destination = destination;
  }

  public long id() {
    return id;
  }

  public double arrivalAt() {
    return arrivalAt;
  }

  public int origin() {
    return origin;
  }

  public int destination() {
    return destination;
  }

  public Direction direction() {
    return destination > origin ? Direction.UP : Direction.DOWN;
  }

  public double waitEndAt() {
    return waitEndAt;
  }

  public double boardedAt() {
    return boardedAt;
  }

  public double deliveredAt() {
    return deliveredAt;
  }

  public double alightedAt() {
    return alightedAt;
  }

  /** The car boarded, -1 before. */
  public int car() {
    return car;
  }

  public boolean boarded() {
    return !Double.isNaN(boardedAt);
  }

  public boolean delivered() {
    return !Double.isNaN(deliveredAt);
  }

  public double waitTime() {
    return waitEndAt - arrivalAt;
  }

  @Override
  public String toString() {
    return "passenger " + id + " " + origin + "->" + destination + " at " + arrivalAt;
  }
}
