package org.paternoster.elevator.fsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.paternoster.assign.MotorDirection;

/**
 * A fake clock and a model of the outputs around one {@link Fsm}. Every action list passes
 * through {@link #apply}, which checks after each action that the door lamp is never on while
 * the motor runs, and that the door never opens without serving a call (stop button excepted).
 * It returns the actions without {@link Action.WakeAt}, whose time it keeps in {@link #wake}.
 */
class FsmHarness {
  static final int FLOORS = 4;
  final FsmConfig config;
  final Fsm fsm;
  long now = 1_000;
  MotorDirection motor = MotorDirection.STOP;
  boolean doorLamp;
  /** The latest {@link Action.WakeAt} time; -1 before any. */
  long wake = -1;

  FsmHarness(FsmConfig config) {
    this.config = config;
    this.fsm = new Fsm(config);
  }

  FsmHarness() {
    this(FsmConfig.defaults(FLOORS));
  }

  List<Action> apply(List<Action> actions) {
    boolean opened = false;
    for (Action action : actions) {
      if (action instanceof Action.Motor m) motor = m.direction();
      if (action instanceof Action.DoorLamp d) {
        opened |= d.on() && !doorLamp;
        doorLamp = d.on();
      }
      assertThat(doorLamp && motor != MotorDirection.STOP)
          .as("door lamp on while the motor runs: %s", actions).isFalse();
    }
    if (opened && !fsm.state().stopPressed()) {
      assertThat(served(actions)).as("door opened without serving a call: %s", actions).isNotEmpty();
    }
    actions.stream().filter(a -> a instanceof Action.WakeAt).forEach(a -> wake = ((Action.WakeAt) a).at());
    return actions.stream().filter(a -> !(a instanceof Action.WakeAt)).toList();
  }

  List<Action> arrive(int floor) {
    return apply(fsm.onFloorArrived(floor, now));
  }

  List<Action> between() {
    return apply(fsm.onBetweenFloors(now));
  }

  List<Action> calls(Call... calls) {
    return apply(fsm.onCallsChanged(Calls.of(FLOORS, calls), now));
  }

  List<Action> add(Call call) {
    return apply(fsm.onCallsChanged(fsm.calls().with(call), now));
  }

  List<Action> standby(org.paternoster.assign.Standby advice) {
    return apply(fsm.onStandby(advice, now));
  }

  List<Action> obstruction(boolean active) {
    return apply(fsm.onObstruction(active, now));
  }

  List<Action> stop(boolean pressed) {
    return apply(fsm.onStopButton(pressed, now));
  }

  /** Moves the clock to {@code t} and ticks. */
  List<Action> at(long t) {
    now = t;
    return apply(fsm.tick(now));
  }

  List<Action> after(long ms) {
    return at(now + ms);
  }

  /**
   * Lets the moving car travel floor by floor with the official timing (0.5 s to leave, 2 s to the
   * next floor) and returns the actions of arriving at {@code target}; asserts it passes the
   * floors on the way without stopping.
   */
  List<Action> travelTo(int target) {
    int floor = fsm.state().floor();
    int step = target > floor ? 1 : -1;
    for (int f = floor + step; ; f += step) {
      assertThat(motor).as("motor on the way to %d", target).isNotEqualTo(MotorDirection.STOP);
      now += 500;
      between();
      now += 2000;
      List<Action> actions = arrive(f);
      if (f == target) return actions;
      assertThat(motor).as("stopped at %d on the way to %d", f, target).isNotEqualTo(MotorDirection.STOP);
    }
  }

  ElevatorState state() {
    return fsm.state();
  }

  static List<Call> served(List<Action> actions) {
    return actions.stream()
        .filter(a -> a instanceof Action.Served)
        .map(a -> ((Action.Served) a).call())
        .toList();
  }
}
