package org.paternoster.elevator.hardware;

/** A motor command, with its protocol code (the {@code a} byte of opcode 1). */
public enum MotorDirection {
  UP(1),
  DOWN(0xFF),
  STOP(0);

  private final int code;

  MotorDirection(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The direction with this protocol code, or null for any other byte. */
  public static MotorDirection fromCode(int code) {
    for (MotorDirection d : values()) {
      if (d.code == code) return d;
    }
    return null;
  }
}
