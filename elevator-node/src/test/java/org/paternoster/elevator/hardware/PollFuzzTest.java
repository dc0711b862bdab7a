package org.paternoster.elevator.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.paternoster.testing.fuzz.FrameInputs;

/**
 * The driver's side of the 4-byte protocol: whatever a server answers a poll with, decoding gives
 * a sample or a {@link Poll.ProtocolException} (on which {@link PollingConnection} resets the
 * connection, see {@code DriverFaultTest}); nothing else is thrown out of the event loop.
 */
class PollFuzzTest {
  @Test
  void anyReplyDecodesToASampleOrAProtocolErrorNeverAnythingElse() {
    Poll poll = new Poll(4);
    byte[] valid = Buffer.buffer().appendBuffer(answers(poll)).getBytes();
    Random random = new Random(14);
    int samples = 0;
    int refused = 0;
    for (int i = 0; i < 5_000; i++) {
      byte[] reply = switch (random.nextInt(4)) {
        case 0 -> mutateOneFrame(random, valid);
        case 1 -> Arrays.copyOf(valid, random.nextInt(valid.length + 8)); // short, or with surplus bytes
        case 2 -> FrameInputs.concat(java.util.stream.Stream.generate(() -> FrameInputs.randomFrame(random)).limit(poll.reads().size()).toList());
        default -> valid;
      };
      try {
        Sample sample = poll.decode(Buffer.buffer(reply));
        samples++;
        assertThat(sample.floor()).isBetween(-1, 3);
      } catch (Poll.ProtocolException e) {
        refused++;
      }
    }
    assertThat(samples).isGreaterThan(1_000);
    assertThat(refused).isGreaterThan(1_000);
  }

  private static byte[] mutateOneFrame(Random random, byte[] valid) {
    byte[] reply = valid.clone();
    int frame = random.nextInt(reply.length / 4);
    byte[] mutated = FrameInputs.mutated(random, Arrays.copyOfRange(reply, frame * 4, frame * 4 + 4));
    System.arraycopy(mutated, 0, reply, frame * 4, 4);
    return reply;
  }

  /** A correct answer to every read of {@code poll}: nothing pressed, at floor 2. */
  private static Buffer answers(Poll poll) {
    Buffer out = Buffer.buffer();
    for (Frame read : poll.reads()) {
      (read.opcode() == Frame.READ_FLOOR ? Frame.floorReply(2) : Frame.reply(read.opcode(), false)).appendTo(out);
    }
    return out;
  }
}
