package org.paternoster.elevator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Button;
import org.paternoster.elevator.hardware.Frame;

class SimulatorProtocolTest {
  private static final long T = 5_000;
  private final SimulatorCore core = new SimulatorCore(SimulatorConfig.defaults(4, 1).withStartFloor(2), T);
  private final SimulatorProtocol protocol = new SimulatorProtocol(core);

  @Test
  void readsAreAnsweredWithTheirOpcode() {
    core.press(Button.CAB, 1, T);
    core.setObstruction(true);
    assertThat(protocol.handle(Frame.readButton(Button.CAB, 1), T)).contains(new Frame(6, 1, 0, 0));
    assertThat(protocol.handle(Frame.readButton(Button.CAB, 0), T)).contains(new Frame(6, 0, 0, 0));
    assertThat(protocol.handle(Frame.readFloor(), T)).contains(new Frame(7, 1, 2, 0));
    assertThat(protocol.handle(Frame.readStop(), T)).contains(new Frame(8, 0, 0, 0));
    assertThat(protocol.handle(Frame.readObstruction(), T)).contains(new Frame(9, 1, 0, 0));
  }

  @Test
  void writesChangeStateAndGetNoReply() {
    assertThat(protocol.handle(Frame.motor(MotorDirection.UP), T)).isEmpty();
    assertThat(protocol.handle(Frame.buttonLamp(Button.HALL_DOWN, 3, true), T)).isEmpty();
    assertThat(protocol.handle(Frame.floorIndicator(3), T)).isEmpty();
    assertThat(protocol.handle(Frame.doorLamp(true), T)).isEmpty();
    assertThat(protocol.handle(Frame.stopLamp(true), T)).isEmpty();
    SimulatorState state = core.state(T);
    assertThat(state.motor()).isEqualTo(MotorDirection.UP);
    assertThat(state.lamp(Button.HALL_DOWN, 3)).isTrue();
    assertThat(state.floorIndicator()).isEqualTo(3);
    assertThat(state.doorLamp()).isTrue();
    assertThat(state.stopLamp()).isTrue();
    assertThat(protocol.stats()).isEqualTo(new SimulatorProtocol.Stats(5, 0, 1));
  }

  @Test
  void invalidFloorsButtonsDirectionsAndOpcodesAreIgnoredWithoutReply() {
    assertThat(protocol.handle(new Frame(Frame.BUTTON_LAMP, 2, 4, 1), T)).isEmpty();
    assertThat(protocol.handle(new Frame(Frame.BUTTON_LAMP, 3, 0, 1), T)).isEmpty();
    assertThat(protocol.handle(new Frame(Frame.FLOOR_INDICATOR, 9, 0, 0), T)).isEmpty();
    assertThat(protocol.handle(new Frame(Frame.READ_BUTTON, 2, 200, 0), T)).isEmpty();
    assertThat(protocol.handle(new Frame(Frame.MOTOR, 7, 0, 0), T)).isEmpty();
    assertThat(protocol.handle(new Frame(10, 0, 0, 0), T)).isEmpty();
    assertThat(protocol.handle(new Frame(255, 1, 2, 3), T)).isEmpty();
    assertThat(protocol.stats()).isEqualTo(new SimulatorProtocol.Stats(7, 7, 0));
    SimulatorState state = core.state(T);
    assertThat(state.floorIndicator()).isZero();
    assertThat(state.motor()).isEqualTo(MotorDirection.STOP);
  }

  @Test
  void reloadStopsTheMotorAndClearsTheLamps() {
    protocol.handle(Frame.motor(MotorDirection.DOWN), T);
    protocol.handle(Frame.buttonLamp(Button.CAB, 0, true), T);
    assertThat(protocol.handle(Frame.reload(), T + 100)).isEmpty();
    SimulatorState state = core.state(T + 100);
    assertThat(state.motor()).isEqualTo(MotorDirection.STOP);
    assertThat(state.lamp(Button.CAB, 0)).isFalse();
  }
}
