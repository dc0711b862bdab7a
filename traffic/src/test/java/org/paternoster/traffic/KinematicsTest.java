package org.paternoster.traffic;

import org.paternoster.dispatch.Building;
import org.paternoster.dispatch.Kinematics;
import org.paternoster.dispatch.Trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.paternoster.assign.MotorDirection;
import org.junit.jupiter.api.Test;

class KinematicsTest {
  private final Kinematics k = new Kinematics(Building.MID16);

  @Test
  void theSpecsMid16TripTimes() {
    assertThat(k.floorsTime(1)).isCloseTo(3.74, within(0.005)); // 2·√(3.5/1.0): too short to reach 2.5 m/s
    for (int n = 2; n <= 15; n++) assertThat(k.floorsTime(n)).isCloseTo(1.4 * n + 2.5, within(1e-9));
    assertThat(k.floorsTime(0)).isZero();
  }

  @Test
  void motionIsContinuousAndEndsAtRest() {
    double metres = 5 * 3.5, total = k.travelTime(metres);
    double last = 0;
    for (double t = 0; t <= total; t += 0.01) {
      double d = k.distanceAt(metres, t);
      assertThat(d).isGreaterThanOrEqualTo(last - 1e-12);
      assertThat(k.speedAt(metres, t)).isBetween(0.0, 2.5 + 1e-12);
      last = d;
    }
    assertThat(k.distanceAt(metres, total)).isEqualTo(metres);
    assertThat(k.speedAt(metres, total)).isZero();
  }

  @Test
  void aMovingCarAddsAStopOnlyIfItCanStillBrakeForIt() {
    Trip trip = new Trip(0, 10, 100, MotorDirection.UP);
    // cruising at 2.5 m/s needs 3.125 m (0.89 floor) to stop
    double now = 100 + 6; // 2.5 s accelerating (3.125 m), then 3.5 s at 2.5 m/s: 11.875 m = floor 3.39
    assertThat(trip.positionAt(k, now)).isCloseTo(11.875 / 3.5, within(1e-9));
    assertThat(trip.canStopAt(k, 4, now)).isFalse(); // 2.125 m ahead < 3.125 m
    assertThat(trip.canStopAt(k, 5, now)).isTrue();
    assertThat(trip.firstStoppable(k, now)).isEqualTo(5);
    assertThat(trip.canStopAt(k, 3, now)).isFalse(); // behind
    // the retargeted trip is the same motion up to now: no jump
    Trip shorter = trip.retarget(5);
    assertThat(shorter.positionAt(k, now)).isCloseTo(trip.positionAt(k, now), within(1e-9));
    assertThat(shorter.speedAt(k, now)).isCloseTo(trip.speedAt(k, now), within(1e-9));
  }

  @Test
  void aCarBrakingForItsTargetCannotChangeIt() {
    Trip trip = new Trip(4, 2, 0, MotorDirection.DOWN);
    double braking = k.brakeStart(2 * 3.5) + 0.1;
    assertThat(trip.braking(k, braking)).isTrue();
    assertThat(trip.canStopAt(k, 1, braking)).isFalse(); // beyond the target, but braking has begun
    assertThat(trip.canStopAt(k, 2, braking)).isTrue();
    assertThat(trip.canStopAt(k, 1, 0.5)).isTrue(); // early on it could still go on to 1
  }
}
