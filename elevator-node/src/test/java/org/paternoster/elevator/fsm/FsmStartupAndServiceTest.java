package org.paternoster.elevator.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.fsm.Action.DoorLamp;
import org.paternoster.elevator.fsm.Action.FloorIndicator;
import org.paternoster.elevator.fsm.Action.Motor;
import org.paternoster.elevator.fsm.Action.Served;

class FsmStartupAndServiceTest {
  private final FsmHarness car = new FsmHarness();

  @Test
  void theFloorIsUnknownAndNothingMovesUntilASensorFires() {
    assertThat(car.state().floor()).isNull();
    assertThat(car.calls(Call.cab(2))).isEmpty();
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.IDLE);
  }

  @Test
  void aCarFoundBetweenFloorsDrivesDownUntilItReachesAFloor() {
    assertThat(car.between()).containsExactly(new Motor(MotorDirection.DOWN));
    assertThat(car.state()).isEqualTo(new ElevatorState(null, MotorDirection.DOWN, Behaviour.MOVING, false, false, null));
    car.now += 1200;
    assertThat(car.arrive(1)).containsExactly(new FloorIndicator(1), new Motor(MotorDirection.STOP));
    assertThat(car.state()).isEqualTo(new ElevatorState(1, MotorDirection.STOP, Behaviour.IDLE, false, false, null));
  }

  @Test
  void aCarFoundAtAFloorRestsThere() {
    assertThat(car.arrive(2)).containsExactly(new FloorIndicator(2));
    assertThat(car.state().floor()).isEqualTo(2);
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.IDLE);
  }

  @Test
  void callsGivenBeforeTheFloorIsKnownAreServedOnceItIs() {
    car.calls(Call.cab(0));
    car.between();
    car.now += 1000;
    assertThat(car.arrive(2)).doesNotContain(new Motor(MotorDirection.STOP));
    assertThat(FsmHarness.served(car.travelTo(0))).containsExactly(Call.cab(0));
  }

  @Test
  void aCabCallDrivesThereStopsAndOpensTheDoorForExactlyTheDoorTime() {
    car.arrive(0);
    assertThat(car.calls(Call.cab(2))).containsExactly(new Motor(MotorDirection.UP));
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.MOVING);
    long arrival = car.now + 5000;
    assertThat(car.travelTo(2)).containsExactly(new FloorIndicator(2), new Motor(MotorDirection.STOP),
        new DoorLamp(true), new Served(Call.cab(2)));
    assertThat(car.wake).isEqualTo(arrival + 3000);
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.DOOR_OPEN);
    assertThat(car.at(arrival + 2999)).doesNotContain(new DoorLamp(false));
    assertThat(car.at(arrival + 3000)).containsExactly(new DoorLamp(false));
    assertThat(car.state()).isEqualTo(new ElevatorState(2, MotorDirection.STOP, Behaviour.IDLE, false, false, null));
    assertThat(car.fsm.calls().isEmpty()).isTrue();
  }

  @Test
  void aCallAtTheRestingFloorOpensTheDoorWithoutMoving() {
    car.arrive(1);
    assertThat(car.calls(Call.cab(1))).containsExactly(new DoorLamp(true), new Served(Call.cab(1)));
    assertThat(car.wake).isEqualTo(car.now + 3000);
  }

  @Test
  void theCarDoesNotStopAtFloorsWithoutCalls() {
    car.arrive(0);
    car.calls(Call.cab(3));
    assertThat(FsmHarness.served(car.travelTo(3))).containsExactly(Call.cab(3));
  }

  @Test
  void aHallCallInTheOtherDirectionIsPassedAndServedOnTheWayBack() {
    car.arrive(0);
    car.calls(Call.cab(3), Call.hallDown(1));
    assertThat(FsmHarness.served(car.travelTo(3))).containsExactly(Call.cab(3));
    assertThat(car.after(3000)).containsExactly(new DoorLamp(false), new Motor(MotorDirection.DOWN));
    assertThat(FsmHarness.served(car.travelTo(1))).containsExactly(Call.hallDown(1));
  }

  @Test
  void aHallCallInTheDirectionOfTravelIsServedOnTheWay() {
    car.arrive(0);
    car.calls(Call.cab(3), Call.hallUp(1));
    assertThat(FsmHarness.served(car.travelTo(1))).containsExactly(Call.hallUp(1));
    assertThat(car.fsm.calls()).isEqualTo(Calls.of(4, Call.cab(3)));
    car.after(3000);
    assertThat(car.motor).isEqualTo(MotorDirection.UP);
    assertThat(FsmHarness.served(car.travelTo(3))).containsExactly(Call.cab(3));
  }

  @Test
  void callsTakenAwayWhileMovingStopTheCarAtTheNextFloorWithoutOpening() {
    car.arrive(0);
    car.calls(Call.cab(3));
    car.now += 500;
    car.between();
    car.calls();
    car.now += 2000;
    assertThat(car.arrive(1)).containsExactly(new FloorIndicator(1), new Motor(MotorDirection.STOP));
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.IDLE);
  }

  @Test
  void withNothingFurtherOnTheCarTurnsAtAFloorWithoutOpening() {
    car.arrive(0);
    car.calls(Call.cab(3));
    car.now += 500;
    car.between();
    car.calls(Call.cab(0));
    car.now += 2000;
    assertThat(car.arrive(1)).containsExactly(new FloorIndicator(1), new Motor(MotorDirection.STOP), new Motor(MotorDirection.DOWN));
  }

  @Test
  void aCarMovedWithoutCommandFindsAFloorAgain() {
    car.arrive(2);
    assertThat(car.between()).containsExactly(new Motor(MotorDirection.DOWN));
    car.now += 1000;
    assertThat(car.arrive(1)).containsExactly(new FloorIndicator(1), new Motor(MotorDirection.STOP));
  }

  @Test
  void theSnapshotSpeaksTheAssignersVocabulary() {
    assertThat(Behaviour.DOOR_OPEN.json()).isEqualTo("doorOpen");
    assertThat(Behaviour.IDLE.json()).isEqualTo("idle");
    assertThat(Behaviour.MOVING.json()).isEqualTo("moving");
    assertThat(MotorDirection.UP.json()).isEqualTo("up");
    assertThat(MotorDirection.STOP.json()).isEqualTo("stop");
  }

  @Test
  void inputsFromAnotherBuildingAreRefused() {
    assertThatThrownBy(() -> car.arrive(4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> car.fsm.onCallsChanged(Calls.none(5), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Calls.of(4, Call.hallUp(3))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Calls.of(4, Call.hallDown(0))).isInstanceOf(IllegalArgumentException.class);
  }
}
