package org.paternoster.elevator.hardware;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The reads of one poll cycle, answered in the same order: every mounted button of every floor,
 * then the floor sensor, stop button and obstruction switch. Written one read at a time or all at
 * once ({@link DriverConfig#pipelined()}). Immutable and pure.
 */
final class Poll {
  private final int floors;
  private final List<Frame> reads = new ArrayList<>();
  private final Buffer request = Buffer.buffer();

  Poll(int floors) {
    this.floors = floors;
    for (int floor = 0; floor < floors; floor++) {
      for (Button button : Button.values()) {
        if (button.existsAt(floor, floors)) reads.add(Frame.readButton(button, floor));
      }
    }
    reads.add(Frame.readFloor());
    reads.add(Frame.readStop());
    reads.add(Frame.readObstruction());
    reads.forEach(r -> r.appendTo(request));
  }

  List<Frame> reads() {
    return List.copyOf(reads);
  }

  /** Every read, in one buffer. */
  Buffer request() {
    return request.copy();
  }

  /** Read {@code i} alone. */
  Buffer request(int i) {
    return reads.get(i).toBuffer();
  }

  int size() {
    return reads.size();
  }

  int replyBytes() {
    return reads.size() * Frame.SIZE;
  }

  /**
   * Decodes the complete replies of this poll.
   *
   * @throws ProtocolException when the length is wrong, a reply does not echo its read's opcode,
   *     or the floor sensor names a floor outside the building
   */
  Sample decode(Buffer replies) {
    if (replies.length() != replyBytes()) {
      throw new ProtocolException("expected " + replyBytes() + " reply bytes, got " + replies.length());
    }
    BitSet pressed = new BitSet();
    int floor = -1;
    boolean stop = false;
    boolean obstruction = false;
    for (int i = 0; i < reads.size(); i++) {
      Frame read = reads.get(i);
      Frame reply = Frame.readFrom(replies, i * Frame.SIZE);
      if (reply.opcode() != read.opcode()) {
        throw new ProtocolException("reply " + i + " has opcode " + reply.opcode() + ", expected " + read.opcode());
      }
      boolean on = reply.a() != 0;
      switch (read.opcode()) {
        case Frame.READ_BUTTON -> pressed.set(Sample.index(Button.fromCode(read.a()), read.b()), on);
        case Frame.READ_FLOOR -> floor = on ? checkedFloor(reply.b()) : -1;
        case Frame.READ_STOP -> stop = on;
        case Frame.READ_OBSTRUCTION -> obstruction = on;
        default -> throw new IllegalStateException("not a read: " + read);
      }
    }
    return new Sample(pressed, floor, stop, obstruction);
  }

  private int checkedFloor(int floor) {
    if (!Frame.isValidFloor(floor, floors)) {
      throw new ProtocolException("floor sensor reports floor " + floor + " of " + floors);
    }
    return floor;
  }

  /** The server broke the protocol; the connection must be reset. */
  static final class ProtocolException extends RuntimeException {
    ProtocolException(String message) {
      super(message, null, false, false);
    }
  }
}
