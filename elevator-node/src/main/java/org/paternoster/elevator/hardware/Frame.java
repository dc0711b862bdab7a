package org.paternoster.elevator.hardware;

import io.vertx.core.buffer.Buffer;
import org.paternoster.assign.MotorDirection;

/**
 * One message of the TTK4145 elevator-server protocol: exactly four bytes {@code [opcode, a, b, c]},
 * in either direction. Opcodes 0–5 are writes and get no reply; 6–9 are reads whose 4-byte reply
 * echoes the opcode. Each byte is held as an unsigned value 0..255.
 *
 * <p>The factories check floors against the byte range only. A floor outside {@code 0..floors-1}
 * crashes the official simulator, so senders check {@link #isValidFloor} first and drop the frame.
 */
public record Frame(int opcode, int a, int b, int c) {
  public static final int SIZE = 4;

  public static final int RELOAD = 0;
  public static final int MOTOR = 1;
  public static final int BUTTON_LAMP = 2;
  public static final int FLOOR_INDICATOR = 3;
  public static final int DOOR_LAMP = 4;
  public static final int STOP_LAMP = 5;
  public static final int READ_BUTTON = 6;
  public static final int READ_FLOOR = 7;
  public static final int READ_STOP = 8;
  public static final int READ_OBSTRUCTION = 9;

  public Frame {
    checkByte("opcode", opcode);
    checkByte("a", a);
    checkByte("b", b);
    checkByte("c", c);
  }

  public static boolean isValidFloor(int floor, int floors) {
    return floor >= 0 && floor < floors;
  }

  public static Frame reload() {
    return new Frame(RELOAD, 0, 0, 0);
  }

  public static Frame motor(MotorDirection direction) {
    return new Frame(MOTOR, motorCode(direction), 0, 0);
  }

  /** The protocol code of a motor command (the {@code a} byte of opcode 1): up 1, down 0xFF, stop 0. */
  public static int motorCode(MotorDirection direction) {
    return switch (direction) {
      case UP -> 1;
      case DOWN -> 0xFF;
      case STOP -> 0;
    };
  }

  /** The motor command with this protocol code, or null for any other byte. */
  public static MotorDirection motorDirection(int code) {
    for (MotorDirection d : MotorDirection.values()) {
      if (motorCode(d) == code) return d;
    }
    return null;
  }

  public static Frame buttonLamp(Button button, int floor, boolean on) {
    return new Frame(BUTTON_LAMP, button.code(), floor, bit(on));
  }

  public static Frame floorIndicator(int floor) {
    return new Frame(FLOOR_INDICATOR, floor, 0, 0);
  }

  public static Frame doorLamp(boolean on) {
    return new Frame(DOOR_LAMP, bit(on), 0, 0);
  }

  public static Frame stopLamp(boolean on) {
    return new Frame(STOP_LAMP, bit(on), 0, 0);
  }

  public static Frame readButton(Button button, int floor) {
    return new Frame(READ_BUTTON, button.code(), floor, 0);
  }

  public static Frame readFloor() {
    return new Frame(READ_FLOOR, 0, 0, 0);
  }

  public static Frame readStop() {
    return new Frame(READ_STOP, 0, 0, 0);
  }

  public static Frame readObstruction() {
    return new Frame(READ_OBSTRUCTION, 0, 0, 0);
  }

  /** The reply to a read: {@code [opcode, value, 0, 0]}. */
  public static Frame reply(int readOpcode, boolean value) {
    return new Frame(readOpcode, bit(value), 0, 0);
  }

  /** The reply to a floor-sensor read: {@code [7, 1, floor, 0]} at a floor, {@code [7, 0, 0, 0]} between. */
  public static Frame floorReply(int floorOrMinusOne) {
    return floorOrMinusOne < 0
        ? new Frame(READ_FLOOR, 0, 0, 0)
        : new Frame(READ_FLOOR, 1, floorOrMinusOne, 0);
  }

  public boolean isRead() {
    return opcode >= READ_BUTTON && opcode <= READ_OBSTRUCTION;
  }

  public void appendTo(Buffer out) {
    out.appendUnsignedByte((short) opcode)
        .appendUnsignedByte((short) a)
        .appendUnsignedByte((short) b)
        .appendUnsignedByte((short) c);
  }

  public Buffer toBuffer() {
    Buffer out = Buffer.buffer(SIZE);
    appendTo(out);
    return out;
  }

  /** The frame at {@code offset}; the buffer must hold at least four bytes from there. */
  public static Frame readFrom(Buffer in, int offset) {
    return new Frame(
        in.getUnsignedByte(offset),
        in.getUnsignedByte(offset + 1),
        in.getUnsignedByte(offset + 2),
        in.getUnsignedByte(offset + 3));
  }

  private static int bit(boolean on) {
    return on ? 1 : 0;
  }

  private static void checkByte(String name, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(name + " must be a byte 0..255, got " + value);
    }
  }
}
