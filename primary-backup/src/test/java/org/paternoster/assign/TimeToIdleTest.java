package org.paternoster.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.assign.Cars.doorOpen;
import static org.paternoster.assign.Cars.down;
import static org.paternoster.assign.Cars.idle;
import static org.paternoster.assign.Cars.moving;
import static org.paternoster.assign.Cars.up;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;

/** The single-car simulation behind the cost: 2.5 s a floor, 3 s a door opening. */
class TimeToIdleTest {
  private static final Building FOUR = new Building(4);
  private final TimeToIdleAssigner assigner = new TimeToIdleAssigner();

  private long time(ElevatorState car, HallCall... calls) {
    return assigner.timeToIdle(car, FOUR, List.of(calls));
  }

  @Test
  void anIdleCarWithNothingToDoIsIdleNow() {
    assertThat(time(idle("a", 0, 4))).isZero();
  }

  @Test
  void travelsAndOpensOnceForACabCall() {
    assertThat(time(idle("a", 0, 4).withCabCalls(3))).isEqualTo(3 * 2500 + 3000);
  }

  @Test
  void bothHallCallsAtItsFloorTakeTwoOpenings() {
    assertThat(time(idle("a", 2, 4), up(2), down(2))).isEqualTo(2 * 3000);
  }

  @Test
  void passesAHallCallTheOtherWayAndTakesItOnTheWayBack() {
    assertThat(time(idle("a", 0, 4).withCabCalls(3), down(1))).isEqualTo(3 * 2500 + 3000 + 2 * 2500 + 3000);
  }

  @Test
  void aMovingCarFirstReachesTheNextFloorInHalfATrip() {
    assertThat(time(moving("a", 1, MotorDirection.UP, 4), up(2))).isEqualTo(1250 + 3000);
    assertThat(time(moving("a", 1, MotorDirection.UP, 4))).isEqualTo(1250);
  }

  @Test
  void aMovingCarTurnsOnlyAfterReachingTheNextFloor() {
    assertThat(time(moving("a", 2, MotorDirection.UP, 4).withCabCalls(0))).isEqualTo(1250 + 3 * 2500 + 3000);
  }

  @Test
  void anOpenDoorFirstFinishesAndACallAtItsFloorHoldsItAgain() {
    assertThat(time(doorOpen("a", 2, MotorDirection.STOP, 4))).isEqualTo(1500);
    assertThat(time(doorOpen("a", 2, MotorDirection.UP, 4).withCabCalls(2))).isEqualTo(1500 + 3000);
  }

  @Test
  void timesAreConstructorParameters() {
    TimeToIdleAssigner fast = new TimeToIdleAssigner(100, 1000);
    assertThat(fast.timeToIdle(idle("a", 0, 4).withCabCalls(3), FOUR, List.of())).isEqualTo(300 + 1000);
  }

  @Test
  void inconsistentReportsStillGiveAFiniteTime() {
    ElevatorState upFromTheTop = moving("a", 3, MotorDirection.UP, 4).withCabCalls(0);
    ElevatorState movingNowhere = moving("a", 1, MotorDirection.STOP, 4).withCabCalls(3);
    assertThat(time(upFromTheTop)).isEqualTo(3 * 2500 + 3000);
    assertThat(time(movingNowhere)).isEqualTo(2 * 2500 + 3000);
  }

  @Test
  void everyRandomRunEndsInBoundedTime() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      AssignmentProblem p = Cars.random(random);
      int floors = p.building().floors();
      long bound = 1250 + 3L * floors * 2500 + 2L * floors * 3 * 3000 + 1500;
      for (ElevatorState car : p.elevators()) {
        long t = assigner.timeToIdle(car, p.building(), p.callsInOrder());
        assertThat(t).as("%s with %s", car, p.hallCalls()).isNotEqualTo(ServingRun.UNBOUNDED).isBetween(0L, bound);
      }
    }
  }
}
