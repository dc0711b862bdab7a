package org.paternoster.dispatch;

import java.util.Collection;
import org.paternoster.assign.MotorDirection;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/**
 * Estimated time of arrival of a car at a hall call, the classical way: play the car's
 * directional-collective route over its passengers' destinations and the calls it already has,
 * with the building's real trip times and a fixed time per intermediate stop (doors open, two
 * transfers or the minimum dwell, doors close, start delay). Load counts only this far: a full car,
 * or one loading at the call's floor while the call is lit, cannot take the call before its first
 * stop where someone alights. Pure.
 */
public final class EtaEstimator {
  private final Building b;
  private final Kinematics k;
  private final double stopS;

  public EtaEstimator(Building b, Kinematics k) {
    this.b = b;
    this.k = k;
    this.stopS = b.doorOpenS() + Math.max(b.minDwellS(), 2 * b.transferS()) + b.doorCloseS() + b.startDelayS();
  }

  /** Seconds from {@code now} until {@code car} opens its doors for {@code call}, having {@code others} too. */
  public double eta(CarView car, double now, Collection<HallCall> others, HallCall call) {
    int floors = b.floors();
    boolean[] cab = new boolean[floors];
    boolean[] up = new boolean[floors];
    boolean[] down = new boolean[floors];
    for (int f = 0; f < floors; f++) cab[f] = car.cabStop(f);
    for (HallCall c : others) (c.direction() == Direction.UP ? up : down)[c.floor()] = true;
    // a full car passes hall calls by: the call exists for it only after a drop-off. So does a car
    // standing at the call's floor announcing its direction: the button was pressed beside it, so
    // it has no room for them
    boolean servingHere = car.state() != CarState.IDLE && car.state() != CarState.MOVING && car.floor() == call.floor()
        && car.direction() == Directions.of(call.direction());
    int cf = car.full() || servingHere ? -1 : call.floor();
    MotorDirection want = Directions.of(call.direction());
    MotorDirection dir = car.direction();
    int pos;
    double t;
    if (car.state() == CarState.MOVING) {
      Trip trip = car.trip();
      pos = car.firstStoppable(now);
      t = trip.startAt() + k.floorsTime(pos - trip.origin()) - now;
      boolean beyond = anyBeyond(pos, dir, cab, up, down, cf);
      if (pos == cf && (dir == want || !beyond)) return t;
      if (cab[pos] || along(dir, up, down)[pos] || pos == trip.target()) t += stopS;
      if (cab[pos]) cf = call.floor();
    } else {
      pos = car.floor();
      if (pos == cf && (dir == MotorDirection.STOP || dir == want)) {
        return car.state() == CarState.IDLE || car.state() == CarState.STARTING ? 0 : Math.max(0, car.readyAt(now) - now - b.startDelayS());
      }
      t = Math.max(0, car.readyAt(now) - now);
      if (dir == MotorDirection.STOP) dir = call.floor() > pos ? MotorDirection.UP : call.floor() < pos ? MotorDirection.DOWN : want;
    }
    clear(pos, dir, cab, up, down);
    for (int step = 0; step < 4 * floors + 4; step++) {
      if (!anyBeyond(pos, dir, cab, up, down, cf)) {
        if (pos == cf) return t; // turning here serves it
        dir = dir.opposite();
        if (!anyBeyond(pos, dir, cab, up, down, cf)) return t;
        continue;
      }
      int g = nextStop(pos, dir, cab, up, down, cf, want);
      t += k.floorsTime(g - pos);
      pos = g;
      boolean turn = !anyBeyond(pos, dir, cab, up, down, cf);
      if (g == cf && (dir == want || turn)) return t;
      if (cab[g]) cf = call.floor();
      clear(pos, dir, cab, up, down);
      if (turn) {
        dir = dir.opposite();
        clear(pos, dir, cab, up, down);
      }
      t += stopS;
    }
    return t;
  }

  private int nextStop(int pos, MotorDirection dir, boolean[] cab, boolean[] up, boolean[] down, int cf, MotorDirection want) {
    boolean[] along = along(dir, up, down);
    int far = -1;
    for (int g = pos + dir.step(); g >= 0 && g < b.floors(); g += dir.step()) {
      if (cab[g] || along[g] || (g == cf && want == dir)) return g;
      if (up[g] || down[g] || g == cf) far = g;
    }
    return far;
  }

  private boolean anyBeyond(int pos, MotorDirection dir, boolean[] cab, boolean[] up, boolean[] down, int cf) {
    if (dir == MotorDirection.STOP) return false;
    for (int g = pos + dir.step(); g >= 0 && g < b.floors(); g += dir.step()) {
      if (cab[g] || up[g] || down[g] || g == cf) return true;
    }
    return false;
  }

  private static boolean[] along(MotorDirection dir, boolean[] up, boolean[] down) {
    return dir == MotorDirection.DOWN ? down : up;
  }

  private static void clear(int pos, MotorDirection dir, boolean[] cab, boolean[] up, boolean[] down) {
    cab[pos] = false;
    if (dir != MotorDirection.STOP) along(dir, up, down)[pos] = false;
  }
}
