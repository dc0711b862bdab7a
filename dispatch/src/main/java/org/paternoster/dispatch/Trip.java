package org.paternoster.dispatch;

import org.paternoster.assign.MotorDirection;

/**
 * One motion from rest at {@code origin} to rest at {@code target}, begun at {@code startAt}.
 * Changing the target keeps origin and start: the new trip's profile equals the old one up to now
 * exactly when the car can still brake for the new target and has not begun braking for the old
 * one ({@link #canStopAt}), so a retargeted car never jumps.
 */
public record Trip(int origin, int target, double startAt, MotorDirection direction) {
  private static final double EPS = 1e-9;

  public Trip {
    if (direction == MotorDirection.STOP || Integer.signum(target - origin) != direction.step()) {
      throw new IllegalArgumentException("a trip from " + origin + " to " + target + " cannot go " + direction);
    }
  }

  public double arrivalAt(Kinematics k) {
    return startAt + k.floorsTime(target - origin);
  }

  /** The car's position in floors (fractional) at {@code now}. */
  public double positionAt(Kinematics k, double now) {
    double metres = Math.abs(target - origin) * k.floorHeight();
    return origin + direction.step() * k.distanceAt(metres, now - startAt) / k.floorHeight();
  }

  public double speedAt(Kinematics k, double now) {
    return k.speedAt(Math.abs(target - origin) * k.floorHeight(), now - startAt);
  }

  /** Whether the car has begun braking for {@code target}. */
  public boolean braking(Kinematics k, double now) {
    return now - startAt > k.brakeStart(Math.abs(target - origin) * k.floorHeight()) + EPS;
  }

  /**
   * Whether the car may make {@code floor} its stop at {@code now}: beyond the origin, and either
   * the current target or still far enough to brake for (distance ≥ v²/2a) before braking began.
   */
  public boolean canStopAt(Kinematics k, int floor, double now) {
    if (Integer.signum(floor - origin) != direction.step()) return false;
    if (floor == target) return true;
    if (braking(k, now)) return false;
    double ahead = (floor - positionAt(k, now)) * direction.step() * k.floorHeight();
    return ahead + 1e-6 >= k.brakingDistance(speedAt(k, now));
  }

  /** The nearest floor the car can still stop at. */
  public int firstStoppable(Kinematics k, double now) {
    if (braking(k, now)) return target;
    int step = direction.step();
    for (int f = origin + step; ; f += step) {
      if (canStopAt(k, f, now)) return f;
      if (f == target) return target;
    }
  }

  public Trip retarget(int newTarget) {
    return new Trip(origin, newTarget, startAt, direction);
  }
}
