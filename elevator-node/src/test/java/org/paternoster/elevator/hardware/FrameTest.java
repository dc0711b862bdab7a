package org.paternoster.elevator.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.paternoster.assign.MotorDirection;

class FrameTest {
  @Test
  void writesEncodeAsTheProtocolTableSays() {
    assertThat(bytes(Frame.reload())).containsExactly(0, 0, 0, 0);
    assertThat(bytes(Frame.motor(MotorDirection.UP))).containsExactly(1, 1, 0, 0);
    assertThat(bytes(Frame.motor(MotorDirection.DOWN))).containsExactly(1, 0xFF, 0, 0);
    assertThat(bytes(Frame.motor(MotorDirection.STOP))).containsExactly(1, 0, 0, 0);
    assertThat(bytes(Frame.buttonLamp(Button.HALL_DOWN, 3, true))).containsExactly(2, 1, 3, 1);
    assertThat(bytes(Frame.buttonLamp(Button.CAB, 0, false))).containsExactly(2, 2, 0, 0);
    assertThat(bytes(Frame.floorIndicator(2))).containsExactly(3, 2, 0, 0);
    assertThat(bytes(Frame.doorLamp(true))).containsExactly(4, 1, 0, 0);
    assertThat(bytes(Frame.stopLamp(false))).containsExactly(5, 0, 0, 0);
  }

  @Test
  void readsAndRepliesEncodeAsTheProtocolTableSays() {
    assertThat(bytes(Frame.readButton(Button.HALL_UP, 1))).containsExactly(6, 0, 1, 0);
    assertThat(bytes(Frame.readFloor())).containsExactly(7, 0, 0, 0);
    assertThat(bytes(Frame.readStop())).containsExactly(8, 0, 0, 0);
    assertThat(bytes(Frame.readObstruction())).containsExactly(9, 0, 0, 0);
    assertThat(bytes(Frame.floorReply(2))).containsExactly(7, 1, 2, 0);
    assertThat(bytes(Frame.floorReply(-1))).containsExactly(7, 0, 0, 0);
    assertThat(bytes(Frame.reply(Frame.READ_STOP, true))).containsExactly(8, 1, 0, 0);
  }

  @Test
  void decodingIsUnsignedAndInvertsEncoding() {
    Buffer buffer = Buffer.buffer().appendByte((byte) 9);
    Frame.motor(MotorDirection.DOWN).appendTo(buffer);
    Frame decoded = Frame.readFrom(buffer, 1);
    assertThat(decoded).isEqualTo(Frame.motor(MotorDirection.DOWN));
    assertThat(decoded.a()).isEqualTo(255);
    assertThat(Frame.motorDirection(decoded.a())).isEqualTo(MotorDirection.DOWN);
  }

  @Test
  void onlyOpcodesSixToNineAreReads() {
    for (int opcode = 0; opcode <= 10; opcode++) {
      assertThat(new Frame(opcode, 0, 0, 0).isRead()).as("opcode %d", opcode).isEqualTo(opcode >= 6 && opcode <= 9);
    }
  }

  @Test
  void bytesOutsideZeroTo255AreRefused() {
    assertThatThrownBy(() -> Frame.floorIndicator(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Frame.buttonLamp(Button.CAB, 256, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Frame(300, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void floorsAreValidatedAgainstTheBuilding() {
    assertThat(Frame.isValidFloor(0, 4)).isTrue();
    assertThat(Frame.isValidFloor(3, 4)).isTrue();
    assertThat(Frame.isValidFloor(4, 4)).isFalse();
    assertThat(Frame.isValidFloor(-1, 4)).isFalse();
  }

  @Test
  void hallButtonsAreMissingAtTheEnds() {
    assertThat(Button.HALL_UP.existsAt(3, 4)).isFalse();
    assertThat(Button.HALL_UP.existsAt(2, 4)).isTrue();
    assertThat(Button.HALL_DOWN.existsAt(0, 4)).isFalse();
    assertThat(Button.HALL_DOWN.existsAt(1, 4)).isTrue();
    assertThat(Button.CAB.existsAt(3, 4)).isTrue();
    assertThat(Button.CAB.existsAt(4, 4)).isFalse();
    assertThat(Button.fromCode(2)).isEqualTo(Button.CAB);
    assertThat(Button.fromCode(3)).isNull();
  }

  private static int[] bytes(Frame frame) {
    Buffer buffer = frame.toBuffer();
    assertThat(buffer.length()).isEqualTo(Frame.SIZE);
    int[] out = new int[Frame.SIZE];
    for (int i = 0; i < Frame.SIZE; i++) out[i] = buffer.getUnsignedByte(i);
    return out;
  }
}
