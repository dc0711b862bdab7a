package org.paternoster.elevator.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Button;
import org.paternoster.elevator.sim.SimulatorConfig;
import org.paternoster.elevator.sim.SimulatorCore;
import org.paternoster.elevator.sim.SimulatorState;

/**
 * The Fsm driving the simulator's physics in lock-step on a fake clock (10 ms steps, the way the
 * driver polls), with the node's part played by {@link #press}: both cores, no I/O.
 */
class FsmOnSimulatedCarTest {
  private static final int FLOORS = 4;
  private SimulatorCore sim;
  private final Fsm fsm = new Fsm(FsmConfig.defaults(FLOORS));
  private long now = 10_000;
  private long wake = Long.MAX_VALUE;
  private int sensor = -2;
  private Calls pending = Calls.none(FLOORS);
  private final List<Call> served = new ArrayList<>();
  private final List<Long> servedAt = new ArrayList<>();

  @Test
  void fromARandomStartBetweenFloorsTheCarFindsAFloorAndServesACall() {
    long seed = LongStream.range(0, 100)
        .filter(s -> new SimulatorCore(SimulatorConfig.defaults(FLOORS, s), 0).floorSensor(0) < 0)
        .findFirst().orElseThrow();
    sim = new SimulatorCore(SimulatorConfig.defaults(FLOORS, seed), now);
    run(3000);
    assertThat(fsm.state().floor()).isNotNull();
    assertThat(fsm.state().behaviour()).isEqualTo(Behaviour.IDLE);
    int target = fsm.state().floor() == 3 ? 0 : 3;
    long pressed = now;
    press(Call.cab(target));
    run(10_000);
    assertThat(served).containsExactly(Call.cab(target));
    assertThat(servedAt.get(0) - pressed).isLessThanOrEqualTo(3 * 2500 + 100);
    assertThat(sim.state(now).floor()).isEqualTo(target);
    assertThat(sim.state(now).doorLamp()).isFalse();
  }

  @Test
  void aCutMotorIsReportedAndTheCarRecoversWhenPowerReturns() {
    sim = new SimulatorCore(SimulatorConfig.defaults(FLOORS, 1).withStartFloor(0), now);
    run(100);
    press(Call.cab(3));
    run(1000);
    sim.cutMotor(now);
    // the car left floor 0 half a second after the motor started: 5 s from then without a sensor change
    run(4400);
    assertThat(fsm.state().available()).isTrue();
    run(200);
    assertThat(fsm.state().unavailable()).isEqualTo(ElevatorState.MOTOR);
    run(20_000);
    assertThat(fsm.state().unavailable()).isEqualTo(ElevatorState.MOTOR);
    assertThat(served).isEmpty();
    sim.restoreMotor(now);
    run(10_000);
    assertThat(fsm.state().available()).isTrue();
    assertThat(served).containsExactly(Call.cab(3));
  }

  @Test
  void underRandomTrafficTheDoorIsNeverOpenWhileMovingAndEveryCallIsServed() {
    Random random = new Random(42);
    sim = new SimulatorCore(SimulatorConfig.defaults(FLOORS, 7), now);
    int pressedCalls = 0;
    for (int i = 0; i < 300; i++) {
      run(random.nextInt(4000));
      if (random.nextInt(10) == 0) {
        sim.setObstruction(true);
        apply(fsm.onObstruction(true, now));
        run(random.nextInt(5000));
        sim.setObstruction(false);
        apply(fsm.onObstruction(false, now));
      }
      Call call = randomCall(random);
      if (!pending.contains(call)) pressedCalls++;
      press(call);
    }
    run(120_000);
    assertThat(pending.isEmpty()).as("calls left: %s", pending).isTrue();
    assertThat(served).hasSize(pressedCalls);
  }

  private static Call randomCall(Random random) {
    while (true) {
      Call call = new Call(Button.values()[random.nextInt(3)], random.nextInt(FLOORS));
      if (call.button().existsAt(call.floor(), FLOORS)) return call;
    }
  }

  private void press(Call call) {
    pending = pending.with(call);
    apply(fsm.onCallsChanged(pending, now));
  }

  private void run(long ms) {
    long until = now + ms;
    while (now < until) {
      now += 10;
      int reading = sim.floorSensor(now);
      if (reading != sensor) {
        sensor = reading;
        apply(reading >= 0 ? fsm.onFloorArrived(reading, now) : fsm.onBetweenFloors(now));
      }
      if (now >= wake) {
        wake = Long.MAX_VALUE;
        apply(fsm.tick(now));
      }
      SimulatorState state = sim.state(now);
      if (state.doorLamp()) {
        assertThat(state.motor()).as("door lamp on with the motor running at %d", now).isEqualTo(MotorDirection.STOP);
        assertThat(state.betweenFloors()).as("door lamp on between floors at %d", now).isFalse();
      }
    }
  }

  private void apply(List<Action> actions) {
    for (Action action : actions) {
      if (action instanceof Action.Motor a) sim.setMotor(a.direction(), now);
      if (action instanceof Action.DoorLamp a) sim.setDoorLamp(a.on());
      if (action instanceof Action.FloorIndicator a) sim.setFloorIndicator(a.floor());
      if (action instanceof Action.StopLamp a) sim.setStopLamp(a.on());
      if (action instanceof Action.WakeAt a) wake = a.at();
      if (action instanceof Action.Served a) {
        assertThat(pending.contains(a.call())).as("served %s that was not pending", a.call()).isTrue();
        assertThat(sim.state(now).floor()).as("served %s away from its floor", a.call()).isEqualTo(a.call().floor());
        pending = pending.without(a.call());
        served.add(a.call());
        servedAt.add(now);
      }
    }
  }
}
