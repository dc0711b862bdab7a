package org.paternoster.assign;

/** Where a car's motor is heading (or last headed, for a stopped car that has announced a direction). */
public enum MotorDirection {
  UP("up", 1),
  DOWN("down", -1),
  STOP("stop", 0);

  private final String json;
  private final int step;

  MotorDirection(String json, int step) {
    this.json = json;
    this.step = step;
  }

  public String json() {
    return json;
  }

  /** The floor change of one trip in this direction: +1, -1 or 0. */
  public int step() {
    return step;
  }

  /** UP for DOWN and back; STOP stays STOP. */
  public MotorDirection opposite() {
    return this == UP ? DOWN : this == DOWN ? UP : STOP;
  }

  /** Throws {@link IllegalArgumentException} for anything but "up", "down", "stop". */
  public static MotorDirection fromJson(String s) {
    for (MotorDirection d : values()) if (d.json.equals(s)) return d;
    throw new IllegalArgumentException("direction must be up, down or stop: " + s);
  }
}
