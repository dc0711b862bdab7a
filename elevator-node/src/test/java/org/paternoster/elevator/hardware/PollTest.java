package org.paternoster.elevator.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollTest {
  private final Poll poll = new Poll(4);

  @Test
  void readsEveryMountedButtonThenTheSwitches() {
    List<Frame> reads = poll.reads();
    assertThat(reads).hasSize(3 * 4 - 2 + 3);
    assertThat(reads).doesNotContain(Frame.readButton(Button.HALL_UP, 3), Frame.readButton(Button.HALL_DOWN, 0));
    assertThat(reads).contains(Frame.readButton(Button.HALL_UP, 0), Frame.readButton(Button.HALL_DOWN, 3),
        Frame.readButton(Button.CAB, 0), Frame.readButton(Button.CAB, 3));
    assertThat(reads.subList(reads.size() - 3, reads.size()))
        .containsExactly(Frame.readFloor(), Frame.readStop(), Frame.readObstruction());
    assertThat(reads).allMatch(Frame::isRead);
  }

  @Test
  void theRequestIsAllReadsInOneBufferOrOneReadAtATime() {
    Buffer expected = Buffer.buffer();
    poll.reads().forEach(r -> r.appendTo(expected));
    assertThat(poll.request()).isEqualTo(expected);
    assertThat(poll.replyBytes()).isEqualTo(expected.length());
    assertThat(poll.size()).isEqualTo(poll.reads().size());
    for (int i = 0; i < poll.size(); i++) assertThat(poll.request(i)).isEqualTo(poll.reads().get(i).toBuffer());
  }

  @Test
  void repliesDecodeInOrder() {
    Buffer replies = replies(Frame.readButton(Button.CAB, 2), 1, true, false);
    Sample sample = poll.decode(replies);
    assertThat(sample.isPressed(Button.CAB, 2)).isTrue();
    assertThat(sample.isPressed(Button.CAB, 1)).isFalse();
    assertThat(sample.floor()).isEqualTo(1);
    assertThat(sample.stop()).isTrue();
    assertThat(sample.obstruction()).isFalse();
  }

  @Test
  void aMismatchedOpcodeOrLengthOrFloorIsAProtocolError() {
    Buffer good = replies(null, -1, false, false);
    Buffer swapped = good.copy();
    swapped.setUnsignedByte(0, (short) Frame.READ_FLOOR);
    assertThatThrownBy(() -> poll.decode(swapped)).isInstanceOf(Poll.ProtocolException.class);
    assertThatThrownBy(() -> poll.decode(good.getBuffer(0, good.length() - 4)))
        .isInstanceOf(Poll.ProtocolException.class);
    assertThatThrownBy(() -> poll.decode(replies(null, 4, false, false)))
        .isInstanceOf(Poll.ProtocolException.class).hasMessageContaining("floor 4");
  }

  /** What a server would answer to {@link #poll}. */
  private Buffer replies(Frame pressed, int floor, boolean stop, boolean obstruction) {
    Buffer out = Buffer.buffer();
    for (Frame read : poll.reads()) {
      Frame reply = switch (read.opcode()) {
        case Frame.READ_BUTTON -> Frame.reply(Frame.READ_BUTTON, read.equals(pressed));
        case Frame.READ_FLOOR -> floor < 0 ? Frame.floorReply(-1) : new Frame(Frame.READ_FLOOR, 1, floor, 0);
        case Frame.READ_STOP -> Frame.reply(Frame.READ_STOP, stop);
        default -> Frame.reply(Frame.READ_OBSTRUCTION, obstruction);
      };
      reply.appendTo(out);
    }
    return out;
  }
}
