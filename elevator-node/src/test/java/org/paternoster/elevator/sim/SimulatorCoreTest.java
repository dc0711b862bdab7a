package org.paternoster.elevator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paternoster.assign.MotorDirection.DOWN;
import static org.paternoster.assign.MotorDirection.STOP;
import static org.paternoster.assign.MotorDirection.UP;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.paternoster.elevator.hardware.Button;

class SimulatorCoreTest {
  private static final long T = 100_000;

  private static SimulatorCore carAt(int floor) {
    return new SimulatorCore(SimulatorConfig.defaults(4, 1).withStartFloor(floor), T);
  }

  @Test
  void leavesTheSensorHalfASecondAfterTheMotorStartsAndArrivesTwoSecondsLater() {
    SimulatorCore car = carAt(1);
    car.setMotor(UP, T);
    assertThat(car.floorSensor(T + 499)).isEqualTo(1);
    assertThat(car.floorSensor(T + 500)).isEqualTo(-1);
    assertThat(car.floorSensor(T + 2499)).isEqualTo(-1);
    assertThat(car.floorSensor(T + 2500)).isEqualTo(2);
  }

  @Test
  void passingAFloorKeepsItsSensorOnForHalfASecond() {
    SimulatorCore car = carAt(2);
    car.setMotor(DOWN, T);
    assertThat(car.floorSensor(T + 2500)).isEqualTo(1);
    assertThat(car.floorSensor(T + 2999)).isEqualTo(1);
    assertThat(car.floorSensor(T + 3000)).isEqualTo(-1);
    assertThat(car.floorSensor(T + 5000)).isEqualTo(0);
  }

  @Test
  void oneLongAdvanceCrossesSeveralFloorsAndIsClampedAtTheTop() {
    SimulatorCore car = carAt(0);
    car.setMotor(UP, T);
    assertThat(car.floorSensor(T + 60_000)).isEqualTo(3);
    assertThat(car.state(T + 60_000).position()).isEqualTo(3.0);
  }

  @Test
  void drivingPastTheBottomIsClamped() {
    SimulatorCore car = carAt(0);
    car.setMotor(DOWN, T);
    assertThat(car.floorSensor(T + 10_000)).isEqualTo(0);
    car.setMotor(UP, T + 10_000);
    assertThat(car.floorSensor(T + 12_500)).isEqualTo(1);
  }

  @Test
  void reversingBetweenFloorsRetracesTheDistanceCovered() {
    SimulatorCore car = carAt(1);
    car.setMotor(UP, T);
    car.setMotor(DOWN, T + 1300);
    assertThat(car.state(T + 1300).position()).isEqualTo(1.4);
    assertThat(car.floorSensor(T + 2099)).isEqualTo(-1);
    assertThat(car.floorSensor(T + 2100)).isEqualTo(1);
  }

  @Test
  void aCutMotorKeepsItsCommandButTheCarStandsStill() {
    SimulatorCore car = carAt(1);
    car.setMotor(UP, T);
    car.cutMotor(T + 1000);
    assertThat(car.floorSensor(T + 30_000)).isEqualTo(-1);
    assertThat(car.state(T + 30_000)).satisfies(s -> {
      assertThat(s.motor()).isEqualTo(UP);
      assertThat(s.motorCut()).isTrue();
      assertThat(s.position()).isEqualTo(1.25);
    });
    car.restoreMotor(T + 30_000);
    assertThat(car.floorSensor(T + 31_499)).isEqualTo(-1);
    assertThat(car.floorSensor(T + 31_500)).isEqualTo(2);
  }

  @Test
  void stoppingOnAFloorRestartsItsHalfSecond() {
    SimulatorCore car = carAt(1);
    car.setMotor(UP, T);
    car.setMotor(STOP, T + 400);
    car.setMotor(UP, T + 1000);
    assertThat(car.floorSensor(T + 1499)).isEqualTo(1);
    assertThat(car.floorSensor(T + 1500)).isEqualTo(-1);
  }

  @Test
  void aPressLasts200Ms() {
    SimulatorCore car = carAt(0);
    car.press(Button.HALL_DOWN, 3, T);
    assertThat(car.isPressed(Button.HALL_DOWN, 3, T + 199)).isTrue();
    assertThat(car.isPressed(Button.HALL_DOWN, 3, T + 200)).isFalse();
    assertThat(car.isPressed(Button.CAB, 3, T + 100)).isFalse();
    assertThatThrownBy(() -> car.press(Button.HALL_UP, 3, T)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRandomStartIsSeededAndSometimesBetweenFloors() {
    long between = LongStream.range(0, 60)
        .filter(seed -> new SimulatorCore(SimulatorConfig.defaults(4, seed), T).floorSensor(T) < 0)
        .count();
    assertThat(between).isBetween(1L, 59L);
    for (long seed = 0; seed < 20; seed++) {
      SimulatorCore a = new SimulatorCore(SimulatorConfig.defaults(4, seed), T);
      SimulatorCore b = new SimulatorCore(SimulatorConfig.defaults(4, seed), T);
      assertThat(a.state(T).position()).isEqualTo(b.state(T).position()).isBetween(0.0, 3.0);
    }
  }

  @Test
  void aCarStartedBetweenFloorsFindsAFloorDrivingDown() {
    long seed = LongStream.range(0, 100)
        .filter(s -> new SimulatorCore(SimulatorConfig.defaults(4, s), T).floorSensor(T) < 0)
        .findFirst().orElseThrow();
    SimulatorCore car = new SimulatorCore(SimulatorConfig.defaults(4, seed), T);
    double start = car.state(T).position();
    int below = (int) Math.floor(start);
    long distanceMs = Math.round((start - below) * 2000);
    car.setMotor(DOWN, T);
    assertThat(car.floorSensor(T + distanceMs - 1)).isEqualTo(-1);
    assertThat(car.floorSensor(T + distanceMs)).isEqualTo(below);
  }

  @Test
  void switchesAndLampsAreState() {
    SimulatorCore car = carAt(0);
    car.setObstruction(true);
    car.setStop(true);
    car.setButtonLamp(Button.CAB, 2, true);
    car.setDoorLamp(true);
    car.setFloorIndicator(2);
    SimulatorState state = car.state(T);
    assertThat(state.obstruction()).isTrue();
    assertThat(state.stop()).isTrue();
    assertThat(state.lamp(Button.CAB, 2)).isTrue();
    assertThat(state.doorLamp()).isTrue();
    assertThat(state.floorIndicator()).isEqualTo(2);
    car.setMotor(UP, T);
    car.reset(T + 100);
    assertThat(car.state(T + 5000)).satisfies(s -> {
      assertThat(s.lamp(Button.CAB, 2)).isFalse();
      assertThat(s.doorLamp()).isFalse();
      assertThat(s.motor()).isEqualTo(STOP);
      assertThat(s.floor()).isEqualTo(0);
    });
  }
}
