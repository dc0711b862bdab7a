package org.paternoster.elevator.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.elevator.fsm.FsmHarness.served;

import org.junit.jupiter.api.Test;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;
import org.paternoster.assign.Standby;
import org.paternoster.elevator.fsm.Action.DoorLamp;
import org.paternoster.elevator.fsm.Action.Motor;

/** The primary's advice: park an idle car, hold a loading car's door; never at a call's expense. */
class FsmStandbyTest {
  private final FsmHarness car = new FsmHarness();

  @Test
  void anIdleCarDrivesToItsParkFloorPassingTheFloorsOnTheWayAndWaitsThereWithItsDoorShut() {
    car.arrive(3);
    assertThat(car.standby(new Standby(0, false))).containsExactly(new Motor(MotorDirection.DOWN));
    for (int f = 2; f >= 1; f--) {
      car.now += 500;
      car.between();
      car.now += 2000;
      assertThat(car.arrive(f)).as("passes %d: not even a stop and start", f).containsExactly(new Action.FloorIndicator(f));
    }
    assertThat(car.travelTo(0)).containsExactly(new Action.FloorIndicator(0), new Motor(MotorDirection.STOP));
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.IDLE);
    assertThat(car.doorLamp).isFalse();
    assertThat(car.after(60_000)).isEmpty();
  }

  @Test
  void aCarWithACallServesItFirstAndParksOnlyWhenNothingIsLeft() {
    car.arrive(1);
    car.calls(Call.cab(3));
    car.standby(new Standby(0, false));
    assertThat(car.motor).as("the call decides, not the park floor").isEqualTo(MotorDirection.UP);
    assertThat(served(car.travelTo(3))).containsExactly(Call.cab(3));
    assertThat(car.after(3000)).containsExactly(new DoorLamp(false), new Motor(MotorDirection.DOWN));
    car.travelTo(0);
    assertThat(car.motor).isEqualTo(MotorDirection.STOP);
  }

  @Test
  void aCallThatComesWhileParkingStopsTheCarThereAndItParksAfterwards() {
    car.arrive(3);
    car.standby(new Standby(0, false));
    car.now += 500;
    car.between();
    car.calls(Call.hallUp(2));
    car.now += 2000;
    assertThat(served(car.arrive(2))).containsExactly(Call.hallUp(2));
    assertThat(car.after(3000)).containsExactly(new DoorLamp(false), new Motor(MotorDirection.DOWN));
  }

  @Test
  void aParkFloorWithdrawnOnTheWayStopsTheCarAtTheNextFloor() {
    car.arrive(3);
    car.standby(new Standby(0, false));
    car.now += 500;
    car.between();
    car.standby(Standby.NONE);
    car.now += 2000;
    assertThat(car.arrive(2)).containsExactly(new Action.FloorIndicator(2), new Motor(MotorDirection.STOP));
  }

  @Test
  void aParkFloorOutsideTheBuildingIsIgnored() {
    car.arrive(1);
    assertThat(car.standby(new Standby(FsmHarness.FLOORS, false))).isEmpty();
    assertThat(car.motor).isEqualTo(MotorDirection.STOP);
  }

  @Test
  void aHeldDoorStaysOpenPastTheDoorTimeAndClosesOnceTheHoldIsWithdrawn() {
    long opened = heldAtTheLobby();
    assertThat(car.at(opened + 3000)).isEmpty();
    assertThat(car.at(opened + 20_000)).isEmpty();
    assertThat(car.state().unavailable()).as("a door held on purpose is not stuck").isNull();
    assertThat(car.doorLamp).isTrue();
    car.now = opened + 25_000;
    car.standby(Standby.NONE);
    assertThat(car.wake).as("the door's time is long up: it closes at the next tick").isLessThanOrEqualTo(car.now);
    assertThat(car.at(car.now)).containsExactly(new DoorLamp(false));
  }

  @Test
  void aHoldNeverKeepsTheDoorOpenPastItsLimit() {
    long opened = heldAtTheLobby(Call.cab(3));
    long limit = opened + car.config.maxHoldMs();
    while (car.wake < limit) assertThat(car.at(car.wake)).as("at %d", car.wake).isEmpty();
    assertThat(car.wake).isEqualTo(limit);
    assertThat(car.at(limit)).containsExactly(new DoorLamp(false), new Motor(MotorDirection.UP));
    assertThat(car.state().unavailable()).isNull();
  }

  @Test
  void aDoorThatCannotCloseAfterTheHoldIsReportedStuckADoorTimeoutLater() {
    long opened = heldAtTheLobby();
    car.obstruction(true);
    car.at(opened + 30_000);
    car.standby(Standby.NONE);
    car.at(opened + 30_000 + car.config.doorTimeoutMs() - 1);
    assertThat(car.state().unavailable()).isNull();
    car.at(opened + 30_000 + car.config.doorTimeoutMs());
    assertThat(car.state().unavailable()).isEqualTo(ElevatorState.DOOR);
  }

  /** The car comes down from 1 for the lobby's up call (and {@code more}), opens, and is told to hold: returns when it opened. */
  private long heldAtTheLobby(Call... more) {
    car.arrive(1);
    car.calls(java.util.stream.Stream.concat(java.util.stream.Stream.of(Call.hallUp(0)), java.util.Arrays.stream(more)).toArray(Call[]::new));
    car.travelTo(0);
    long opened = car.now;
    car.standby(new Standby(Standby.NO_PARK, true));
    return opened;
  }
}
