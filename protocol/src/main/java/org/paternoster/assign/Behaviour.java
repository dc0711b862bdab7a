package org.paternoster.assign;

/** What a car is doing, in the course assigner's words. */
public enum Behaviour {
  IDLE("idle"),
  MOVING("moving"),
  DOOR_OPEN("doorOpen");

  private final String json;

  Behaviour(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  /** Throws {@link IllegalArgumentException} for anything but "idle", "moving", "doorOpen". */
  public static Behaviour fromJson(String s) {
    for (Behaviour b : values()) if (b.json.equals(s)) return b;
    throw new IllegalArgumentException("behaviour must be idle, moving or doorOpen: " + s);
  }
}
