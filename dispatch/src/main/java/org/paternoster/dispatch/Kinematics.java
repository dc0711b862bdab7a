package org.paternoster.dispatch;

/**
 * Trapezoidal motion of a car (docs/DISPATCH.md, "Cars"): accelerate at a, cruise at v, brake at
 * a. A trip of d metres takes d/v + v/a if d >= v²/a, else 2·√(d/a). Pure.
 */
public final class Kinematics {
  private final double h;
  private final double v;
  private final double a;
  /** {@link #floorsTime} of 0, 1, 2, ... floors, worked out once (routes ask for it thousands of times a decision). */
  private final double[] byFloors;

  public Kinematics(Building b) {
    this(b.floorHeightM(), b.speedMps(), b.accelMps2(), b.floors());
  }

  public Kinematics(double floorHeightM, double speedMps, double accelMps2) {
    this(floorHeightM, speedMps, accelMps2, 0);
  }

  private Kinematics(double floorHeightM, double speedMps, double accelMps2, int floors) {
    this.h = floorHeightM;
    this.v = speedMps;
    this.a = accelMps2;
    byFloors = new double[Math.max(0, floors)];
    for (int n = 0; n < byFloors.length; n++) byFloors[n] = travelTime(n * h);
  }

  public double floorHeight() {
    return h;
  }

  /** Seconds for a trip of {@code metres} from rest to rest. */
  public double travelTime(double metres) {
    if (metres <= 0) return 0;
    if (metres >= v * v / a) return metres / v + v / a;
    return 2 * Math.sqrt(metres / a);
  }

  /** Seconds for a trip of {@code floors} floors. */
  public double floorsTime(int floors) {
    int n = Math.abs(floors);
    return n < byFloors.length ? byFloors[n] : travelTime(n * h);
  }

  /** Metres covered {@code tau} seconds into a trip of {@code metres}. */
  public double distanceAt(double metres, double tau) {
    double total = travelTime(metres);
    if (tau <= 0) return 0;
    if (tau >= total) return metres;
    double peak = peakTime(metres);
    double vPeak = a * peak;
    if (tau <= peak) return 0.5 * a * tau * tau;
    double brake = total - peak;
    if (tau <= brake) return 0.5 * a * peak * peak + vPeak * (tau - peak);
    double left = total - tau;
    return metres - 0.5 * a * left * left;
  }

  /** Speed (m/s) {@code tau} seconds into a trip of {@code metres}. */
  public double speedAt(double metres, double tau) {
    double total = travelTime(metres);
    if (tau <= 0 || tau >= total) return 0;
    double peak = peakTime(metres);
    if (tau <= peak) return a * tau;
    if (tau <= total - peak) return a * peak;
    return a * (total - tau);
  }

  /** Seconds into a trip of {@code metres} at which braking begins. */
  public double brakeStart(double metres) {
    return travelTime(metres) - peakTime(metres);
  }

  /** The distance a car at {@code speed} needs to stop: speed²/2a. */
  public double brakingDistance(double speed) {
    return speed * speed / (2 * a);
  }

  /** Seconds of acceleration of a trip: v/a, or √(d/a) for a trip too short to reach v. */
  private double peakTime(double metres) {
    return metres >= v * v / a ? v / a : Math.sqrt(metres / a);
  }
}
