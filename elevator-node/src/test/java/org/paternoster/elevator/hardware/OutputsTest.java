package org.paternoster.elevator.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paternoster.assign.MotorDirection;

class OutputsTest {
  @Test
  void settersReportOnlyChanges() {
    Outputs outputs = new Outputs(4);
    assertThat(outputs.setButtonLamp(Button.CAB, 2, false)).isFalse();
    assertThat(outputs.setButtonLamp(Button.CAB, 2, true)).isTrue();
    assertThat(outputs.setButtonLamp(Button.CAB, 2, true)).isFalse();
    assertThat(outputs.setDoorLamp(true)).isTrue();
    assertThat(outputs.setDoorLamp(true)).isFalse();
    assertThat(outputs.setStopLamp(false)).isFalse();
    assertThat(outputs.setFloorIndicator(1)).isTrue();
    assertThat(outputs.setFloorIndicator(1)).isFalse();
  }

  @Test
  void allRestoresEveryLampOnOrOffAndTheMotor() {
    Outputs outputs = new Outputs(4);
    outputs.setButtonLamp(Button.HALL_DOWN, 3, true);
    outputs.setDoorLamp(true);
    outputs.setMotor(MotorDirection.DOWN);
    assertThat(outputs.all())
        .hasSize(10 + 3)
        .contains(Frame.buttonLamp(Button.HALL_DOWN, 3, true), Frame.buttonLamp(Button.CAB, 0, false),
            Frame.doorLamp(true), Frame.stopLamp(false), Frame.motor(MotorDirection.DOWN))
        .doesNotContain(Frame.buttonLamp(Button.HALL_UP, 3, false))
        .noneMatch(f -> f.opcode() == Frame.FLOOR_INDICATOR);
    outputs.setFloorIndicator(2);
    assertThat(outputs.all()).contains(Frame.floorIndicator(2));
  }
}
