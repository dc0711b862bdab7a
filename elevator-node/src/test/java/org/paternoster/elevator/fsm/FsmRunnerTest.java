package org.paternoster.elevator.fsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Button;
import org.paternoster.elevator.hardware.DriverConfig;
import org.paternoster.elevator.hardware.ElevatorDriver;
import org.paternoster.elevator.sim.EmbeddedSimulator;
import org.paternoster.elevator.sim.SimulatorConfig;
import org.paternoster.elevator.sim.SimulatorState;

/**
 * The whole lower half of a node in one JVM: {@link FsmRunner} + {@link ElevatorDriver} +
 * {@link EmbeddedSimulator} over loopback TCP, with times shortened (0.5 s a floor, 0.3 s door).
 */
@ExtendWith(VertxExtension.class)
class FsmRunnerTest {
  private static final long DOOR_MS = 300;
  private static final long STAMP_LAG_MS = 50;
  private static final LongSupplier CLOCK = () -> System.nanoTime() / 1_000_000;

  private EmbeddedSimulator sim;
  private ElevatorDriver driver;
  private FsmRunner runner;
  private final List<Call> served = new CopyOnWriteArrayList<>();
  private final List<Call> pressed = new CopyOnWriteArrayList<>();
  private final List<Timed> states = new CopyOnWriteArrayList<>();

  record Timed(long at, ElevatorState state) {}

  @BeforeEach
  void start(Vertx vertx) {
    sim = EmbeddedSimulator.start(vertx, SimulatorConfig.defaults(4, 1).withTiming(100, 400).withStartFloor(0), CLOCK).await();
    driver = new ElevatorDriver(vertx, DriverConfig.of("127.0.0.1", sim.port(), 4));
    runner = new FsmRunner(driver, new FsmConfig(4, DOOR_MS, 2000, 5000, FsmConfig.DEFAULT_MAX_HOLD_MS), CLOCK, new FsmRunner.Listener() {
      @Override
      public void onServed(Call call) {
        served.add(call);
      }

      @Override
      public void onStateChanged(ElevatorState state) {
        states.add(new Timed(CLOCK.getAsLong(), state));
      }

      @Override
      public void onButtonPressed(Call call) {
        pressed.add(call);
      }
    });
    runner.start();
    driver.start().await();
    await().until(() -> Integer.valueOf(0).equals(runner.state().floor()));
  }

  @AfterEach
  void stop() {
    runner.close();
    driver.close().await();
  }

  @Test
  void aCabCallIsDrivenToServedWithTheDoorOpenForTheDoorTime() {
    runner.setCalls(Calls.of(4, Call.cab(2)));
    await().atMost(Duration.ofSeconds(10)).until(() -> served.contains(Call.cab(2)));
    await().until(() -> runner.state().behaviour() == Behaviour.IDLE);
    SimulatorState car = sim.state().await();
    assertThat(car.floor()).isEqualTo(2);
    assertThat(car.motor()).isEqualTo(MotorDirection.STOP);
    assertThat(car.doorLamp()).isFalse();
    assertThat(car.floorIndicator()).isEqualTo(2);
    assertThat(served).containsExactly(Call.cab(2));
    long opened = firstTime(Behaviour.DOOR_OPEN);
    long closed = states.stream().filter(t -> t.at() > opened && t.state().behaviour() == Behaviour.IDLE)
        .findFirst().orElseThrow().at();
    // the listener stamps each change a little after the Fsm read the clock for it
    assertThat(closed - opened).isBetween(DOOR_MS - STAMP_LAG_MS, DOOR_MS + 5_000);
    assertThat(states).anyMatch(t -> t.state().behaviour() == Behaviour.MOVING && t.state().direction() == MotorDirection.UP);
  }

  @Test
  void buttonPressesGoToTheListenerAndLampsFollowTheGivenMatrix() {
    sim.press(Button.HALL_DOWN, 3).await();
    await().until(() -> pressed.contains(Call.hallDown(3)));
    assertThat(served).isEmpty();
    runner.setButtonLamps(Calls.of(4, Call.hallDown(3), Call.cab(1)));
    await().until(() -> sim.state().await().lamp(Button.HALL_DOWN, 3) && sim.state().await().lamp(Button.CAB, 1));
    runner.setButtonLamps(Calls.of(4, Call.cab(1)));
    await().until(() -> !sim.state().await().lamp(Button.HALL_DOWN, 3));
    assertThat(sim.state().await().lamp(Button.CAB, 1)).isTrue();
  }

  @Test
  void aCutMotorMakesTheCarUnavailableUntilItMovesAgain() {
    runner.setCalls(Calls.of(4, Call.cab(3)));
    await().until(() -> runner.state().behaviour() == Behaviour.MOVING);
    sim.setMotorCut(true).await();
    await().atMost(Duration.ofSeconds(10)).until(() -> ElevatorState.MOTOR.equals(runner.state().unavailable()));
    sim.setMotorCut(false).await();
    await().atMost(Duration.ofSeconds(10)).until(() -> served.contains(Call.cab(3)));
    assertThat(runner.state().available()).isTrue();
  }

  @Test
  void theStopButtonHaltsAndReleasingItResumes() {
    runner.setCalls(Calls.of(4, Call.cab(3)));
    await().until(() -> runner.state().behaviour() == Behaviour.MOVING);
    sim.setStop(true).await();
    await().until(() -> sim.state().await().stopLamp() && sim.state().await().motor() == MotorDirection.STOP);
    assertThat(runner.state().unavailable()).isEqualTo(ElevatorState.STOP);
    sim.setStop(false).await();
    await().atMost(Duration.ofSeconds(10)).until(() -> served.contains(Call.cab(3)));
    assertThat(sim.state().await().stopLamp()).isFalse();
  }

  private long firstTime(Behaviour behaviour) {
    return states.stream().filter(t -> t.state().behaviour() == behaviour).findFirst().orElseThrow().at();
  }
}
