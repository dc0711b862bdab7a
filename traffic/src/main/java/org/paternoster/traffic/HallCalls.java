package org.paternoster.traffic;

import org.paternoster.dispatch.Directions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;
import org.paternoster.dispatch.PendingCall;

/**
 * The conventional up/down landing buttons: which are lit, since when, and the car the dispatcher
 * gave each one (-1: none yet). A call is registered once while lit; opening doors at its floor
 * announcing its direction cancels it.
 */
final class HallCalls {
  private final int floors;
  private final double[][] registeredAt;
  private final int[][] assignee;
  private long registrations;

  HallCalls(int floors) {
    this.floors = floors;
    registeredAt = new double[floors][2];
    assignee = new int[floors][2];
    for (int f = 0; f < floors; f++) {
      for (int d = 0; d < 2; d++) {
        registeredAt[f][d] = Double.NaN;
        assignee[f][d] = -1;
      }
    }
  }

  /** Lights the button; returns false if it already was. */
  boolean register(HallCall call, double now) {
    int f = call.floor(), d = Directions.index(call.direction());
    if (!Double.isNaN(registeredAt[f][d])) return false;
    registeredAt[f][d] = now;
    assignee[f][d] = -1;
    registrations++;
    return true;
  }

  /** Turns the button off; returns whether it was lit. */
  boolean cancel(int floor, Direction direction) {
    int d = Directions.index(direction);
    if (Double.isNaN(registeredAt[floor][d])) return false;
    registeredAt[floor][d] = Double.NaN;
    assignee[floor][d] = -1;
    return true;
  }

  boolean registered(int floor, Direction direction) {
    return !Double.isNaN(registeredAt[floor][Directions.index(direction)]);
  }

  /** Gives a lit call to {@code car}; returns whether the assignee changed. */
  boolean assign(HallCall call, int car) {
    int f = call.floor(), d = Directions.index(call.direction());
    if (Double.isNaN(registeredAt[f][d]) || assignee[f][d] == car) return false;
    assignee[f][d] = car;
    return true;
  }

  int assignee(int floor, Direction direction) {
    return assignee[floor][Directions.index(direction)];
  }

  boolean assignedTo(int floor, Direction direction, int car) {
    return registered(floor, direction) && assignee(floor, direction) == car;
  }

  long registrations() {
    return registrations;
  }

  /** The lit calls, oldest first (ties: floor, then up before down). */
  List<PendingCall> pending() {
    List<PendingCall> out = new ArrayList<>();
    for (int f = 0; f < floors; f++) {
      for (Direction dir : Direction.values()) {
        int d = Directions.index(dir);
        if (!Double.isNaN(registeredAt[f][d])) out.add(new PendingCall(new HallCall(f, dir), registeredAt[f][d], assignee[f][d]));
      }
    }
    out.sort(Comparator.comparingDouble(PendingCall::registeredAt)
        .thenComparingInt(c -> c.call().floor()).thenComparing(c -> c.call().direction()));
    return out;
  }
}
