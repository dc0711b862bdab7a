package org.paternoster.elevator.fsm;

/** What a car is doing, in the course assigner's vocabulary. */
public enum Behaviour {
  IDLE("idle"),
  MOVING("moving"),
  DOOR_OPEN("doorOpen");

  private final String wireName;

  Behaviour(String wireName) {
    this.wireName = wireName;
  }

  /** "idle", "moving" or "doorOpen", as the course's assigner JSON spells it. */
  public String wireName() {
    return wireName;
  }
}
