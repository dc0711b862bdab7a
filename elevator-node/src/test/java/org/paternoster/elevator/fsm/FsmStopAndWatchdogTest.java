package org.paternoster.elevator.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.elevator.fsm.FsmHarness.served;

import org.junit.jupiter.api.Test;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.fsm.Action.DoorLamp;
import org.paternoster.elevator.fsm.Action.FloorIndicator;
import org.paternoster.elevator.fsm.Action.Motor;
import org.paternoster.elevator.fsm.Action.StopLamp;

/** The stop button, and the watchdogs that take a stuck car out of hall assignment. */
class FsmStopAndWatchdogTest {
  private final FsmHarness car = new FsmHarness();

  @Test
  void stopBetweenFloorsHaltsTheCarAndReleaseResumesTheTrip() {
    car.arrive(0);
    car.calls(Call.cab(2));
    car.now += 500;
    car.between();
    assertThat(car.stop(true)).containsExactly(new StopLamp(true), new Motor(MotorDirection.STOP));
    assertThat(car.state().unavailable()).isEqualTo(ElevatorState.STOP);
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.IDLE);
    assertThat(car.calls(Call.cab(2), Call.cab(3))).isEmpty();
    assertThat(car.after(20_000)).isEmpty();
    assertThat(car.state().unavailable()).isEqualTo(ElevatorState.STOP);
    assertThat(car.stop(false)).containsExactly(new StopLamp(false), new Motor(MotorDirection.UP));
    assertThat(car.state().available()).isTrue();
    car.now += 1000;
    assertThat(car.arrive(1)).containsExactly(new FloorIndicator(1));
    assertThat(served(car.travelTo(2))).containsExactly(Call.cab(2));
  }

  @Test
  void stopAtAFloorOpensTheDoorUntilADoorTimeAfterRelease() {
    car.arrive(1);
    assertThat(car.stop(true)).containsExactly(new StopLamp(true), new DoorLamp(true));
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.DOOR_OPEN);
    assertThat(car.after(15_000)).isEmpty();
    long released = car.now;
    assertThat(car.stop(false)).containsExactly(new StopLamp(false));
    assertThat(car.state().available()).isTrue();
    assertThat(car.at(released + 2999)).isEmpty();
    assertThat(car.at(released + 3000)).containsExactly(new DoorLamp(false));
  }

  @Test
  void callsArrivingDuringStopAreServedAfterRelease() {
    car.arrive(1);
    car.stop(true);
    assertThat(car.calls(Call.cab(1), Call.cab(3))).isEmpty();
    assertThat(car.stop(false)).containsExactly(new StopLamp(false), new Action.Served(Call.cab(1)));
    assertThat(car.after(3000)).containsExactly(new DoorLamp(false), new Motor(MotorDirection.UP));
  }

  @Test
  void stopWhileTheDoorIsOpenHoldsIt() {
    car.arrive(1);
    car.calls(Call.cab(1));
    car.now += 1000;
    assertThat(car.stop(true)).containsExactly(new StopLamp(true));
    assertThat(car.at(car.now + 5000)).isEmpty();
    car.stop(false);
    assertThat(car.after(3000)).containsExactly(new DoorLamp(false));
  }

  @Test
  void aStalledMotorMakesTheCarUnavailableAndIsReCommandedUntilItMoves() {
    car.arrive(0);
    car.calls(Call.cab(3));
    long started = car.now;
    assertThat(car.wake).isEqualTo(started + 5000);
    assertThat(car.at(started + 4999)).isEmpty();
    assertThat(car.state().available()).isTrue();
    assertThat(car.at(started + 5000)).containsExactly(new Motor(MotorDirection.UP));
    assertThat(car.state().unavailable()).isEqualTo(ElevatorState.MOTOR);
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.MOVING);
    assertThat(car.at(started + 10_000)).containsExactly(new Motor(MotorDirection.UP));
    car.between();
    assertThat(car.state().available()).isTrue();
    car.now += 2000;
    car.arrive(1);
    assertThat(car.state().available()).isTrue();
  }

  @Test
  void aMovingCarThatKeepsPassingSensorsIsNeverStalled() {
    car.arrive(0);
    car.calls(Call.cab(3));
    car.travelTo(3);
    assertThat(car.state().available()).isTrue();
    assertThat(car.wake).isLessThan(car.now + 5000);
  }

  @Test
  void aDoorHeldOpenTooLongMakesTheCarUnavailableUntilItCloses() {
    car.arrive(2);
    car.calls(Call.cab(2));
    long opened = car.now;
    car.obstruction(true);
    assertThat(car.at(opened + 9999)).isEmpty();
    assertThat(car.state().available()).isTrue();
    assertThat(car.at(opened + 10_000)).isEmpty();
    assertThat(car.state().unavailable()).isEqualTo(ElevatorState.DOOR);
    car.at(opened + 30_000);
    car.obstruction(false);
    assertThat(car.state().unavailable()).isEqualTo(ElevatorState.DOOR);
    assertThat(car.after(3000)).containsExactly(new DoorLamp(false));
    assertThat(car.state().available()).isTrue();
  }

  @Test
  void aNormalStopWithATurnNeverTripsTheDoorWatchdog() {
    car.arrive(1);
    car.calls(Call.hallUp(1), Call.hallDown(1));
    car.after(3000);
    assertThat(car.state().available()).isTrue();
    car.after(3000);
    assertThat(car.state().available()).isTrue();
    assertThat(car.doorLamp).isFalse();
  }
}
