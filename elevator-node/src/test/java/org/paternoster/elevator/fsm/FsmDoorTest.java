package org.paternoster.elevator.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.elevator.fsm.FsmHarness.served;

import org.junit.jupiter.api.Test;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.fsm.Action.DoorLamp;
import org.paternoster.elevator.fsm.Action.Motor;
import org.paternoster.elevator.fsm.Action.Served;

/** One announced direction per stop, the door time, and the obstruction switch. */
class FsmDoorTest {
  private final FsmHarness car = new FsmHarness();

  @Test
  void arrivingUpClearsTheCabAndHallUpCallsOnlyAndCarriesOn() {
    car.arrive(0);
    car.calls(Call.cab(2), Call.hallUp(2), Call.hallDown(2), Call.cab(3));
    assertThat(served(car.travelTo(2))).containsExactly(Call.cab(2), Call.hallUp(2));
    assertThat(car.state().direction()).isEqualTo(MotorDirection.UP);
    assertThat(car.fsm.calls()).isEqualTo(Calls.of(4, Call.hallDown(2), Call.cab(3)));
    assertThat(car.after(3000)).containsExactly(new DoorLamp(false), new Motor(MotorDirection.UP));
    car.travelTo(3);
    car.after(3000);
    assertThat(served(car.travelTo(2))).containsExactly(Call.hallDown(2));
  }

  @Test
  void aCarThatDriftsOffTheFloorWithItsDoorOpenGoesBackAndOpensItAgain() {
    // chaos seed 134: the stop landed after the car had left floor 1's sensor; the door shut at once
    car.arrive(0);
    car.calls(Call.hallDown(1));
    assertThat(served(car.travelTo(1))).containsExactly(Call.hallDown(1));
    assertThat(car.between()).containsExactly(new DoorLamp(false), new Motor(MotorDirection.DOWN));
    // the harness would object to a door opening that serves nothing new: this one re-serves
    assertThat(car.fsm.onFloorArrived(1, car.now)).containsSubsequence(new Motor(MotorDirection.STOP), new DoorLamp(true));
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.DOOR_OPEN);
    assertThat(car.state().direction()).as("announces what it announced before").isEqualTo(MotorDirection.DOWN);
    assertThat(car.fsm.tick(car.now + 2999)).doesNotContain(new DoorLamp(false));
    assertThat(car.fsm.tick(car.now + 3000)).contains(new DoorLamp(false));
  }

  @Test
  void aCarThatDriftsDownOffTheFloorGoesBackUp() {
    car.arrive(3);
    car.calls(Call.cab(2));
    car.travelTo(2);
    assertThat(car.between()).containsExactly(new DoorLamp(false), new Motor(MotorDirection.UP));
    assertThat(car.fsm.onFloorArrived(2, car.now)).contains(new DoorLamp(true));
  }

  @Test
  void turningAroundClearsTheOtherHallCallOnlyAfterAnotherDoorTime() {
    car.arrive(0);
    car.calls(Call.hallUp(2), Call.hallDown(2));
    long arrival = car.now + 5000;
    assertThat(served(car.travelTo(2))).containsExactly(Call.hallUp(2));
    assertThat(car.state().direction()).isEqualTo(MotorDirection.UP);
    assertThat(car.at(arrival + 2999)).isEmpty();
    assertThat(car.at(arrival + 3000)).containsExactly(new Served(Call.hallDown(2)));
    assertThat(car.state().direction()).isEqualTo(MotorDirection.DOWN);
    assertThat(car.doorLamp).isTrue();
    assertThat(car.at(arrival + 5999)).isEmpty();
    assertThat(car.at(arrival + 6000)).containsExactly(new DoorLamp(false));
    assertThat(car.state().behaviour()).isEqualTo(Behaviour.IDLE);
  }

  @Test
  void theOnlyHallCallHereIsServedAtOnceEvenAgainstTheDirectionOfTravel() {
    car.arrive(0);
    car.calls(Call.hallDown(2));
    long arrival = car.now + 5000;
    assertThat(served(car.travelTo(2))).containsExactly(Call.hallDown(2));
    assertThat(car.state().direction()).isEqualTo(MotorDirection.DOWN);
    assertThat(car.at(arrival + 3000)).containsExactly(new DoorLamp(false));
  }

  @Test
  void aRestingCarWithBothHallCallsHereAnnouncesOneThenTheOther() {
    car.arrive(1);
    assertThat(car.calls(Call.hallUp(1), Call.hallDown(1)))
        .containsExactly(new DoorLamp(true), new Served(Call.hallUp(1)));
    assertThat(car.after(3000)).containsExactly(new Served(Call.hallDown(1)));
    assertThat(car.after(3000)).containsExactly(new DoorLamp(false));
  }

  @Test
  void aRestingCarWithBothHallCallsHereAnnouncesTheSideWithWork() {
    car.arrive(2);
    assertThat(served(car.calls(Call.hallUp(2), Call.hallDown(2), Call.cab(0)))).containsExactly(Call.hallDown(2));
    assertThat(car.after(3000)).containsExactly(new DoorLamp(false), new Motor(MotorDirection.DOWN));
    assertThat(car.fsm.calls()).isEqualTo(Calls.of(4, Call.hallUp(2), Call.cab(0)));
  }

  @Test
  void aCallHereInTheAnnouncedDirectionExtendsTheOpenDoor() {
    car.arrive(0);
    car.calls(Call.hallUp(2), Call.cab(3));
    long arrival = car.now + 5000;
    car.travelTo(2);
    car.at(arrival + 2000);
    assertThat(car.add(Call.hallUp(2))).containsExactly(new Served(Call.hallUp(2)));
    assertThat(car.add(Call.cab(2))).containsExactly(new Served(Call.cab(2)));
    assertThat(car.at(arrival + 3000)).isEmpty();
    assertThat(car.at(arrival + 4999)).isEmpty();
    assertThat(car.at(arrival + 5000)).containsExactly(new DoorLamp(false), new Motor(MotorDirection.UP));
  }

  @Test
  void aCallHereForTheOtherDirectionWaitsWhileCallsLieAhead() {
    car.arrive(0);
    car.calls(Call.hallUp(2), Call.cab(3));
    long arrival = car.now + 5000;
    car.travelTo(2);
    assertThat(car.add(Call.hallDown(2))).isEmpty();
    assertThat(car.at(arrival + 3000)).containsExactly(new DoorLamp(false), new Motor(MotorDirection.UP));
    assertThat(car.fsm.calls().contains(Call.hallDown(2))).isTrue();
  }

  @Test
  void aCallHereWhileTheDoorIsOpenWithoutADirectionSetsTheDirection() {
    car.arrive(1);
    car.calls(Call.cab(1));
    assertThat(car.state().direction()).isEqualTo(MotorDirection.STOP);
    assertThat(car.add(Call.hallDown(1))).containsExactly(new Served(Call.hallDown(1)));
    assertThat(car.state().direction()).isEqualTo(MotorDirection.DOWN);
  }

  @Test
  void anObstructedDoorNeverClosesAndClosesADoorTimeAfterTheObstructionClears() {
    car.arrive(1);
    car.calls(Call.cab(1));
    long opened = car.now;
    car.now = opened + 1000;
    assertThat(car.obstruction(true)).isEmpty();
    assertThat(car.state().obstruction()).isTrue();
    assertThat(car.at(opened + 3000)).isEmpty();
    assertThat(car.at(opened + 5000)).isEmpty();
    assertThat(car.obstruction(false)).isEmpty();
    assertThat(car.wake).isEqualTo(opened + 8000);
    assertThat(car.at(opened + 7999)).isEmpty();
    assertThat(car.at(opened + 8000)).containsExactly(new DoorLamp(false));
  }

  @Test
  void anObstructionThatClearsEarlyDoesNotShortenTheDoorTimeBelowItsFullLength() {
    car.arrive(1);
    car.calls(Call.cab(1));
    long opened = car.now;
    car.obstruction(true);
    car.now = opened + 500;
    car.obstruction(false);
    assertThat(car.at(opened + 3499)).isEmpty();
    assertThat(car.at(opened + 3500)).containsExactly(new DoorLamp(false));
  }

  @Test
  void anObstructionWhileTheDoorIsClosedChangesNothingUntilTheDoorOpens() {
    car.arrive(0);
    assertThat(car.obstruction(true)).isEmpty();
    assertThat(car.calls(Call.cab(1))).containsExactly(new Motor(MotorDirection.UP));
    long arrival = car.now + 2500;
    assertThat(served(car.travelTo(1))).containsExactly(Call.cab(1));
    assertThat(car.at(arrival + 20_000)).isEmpty();
    assertThat(car.doorLamp).isTrue();
  }
}
