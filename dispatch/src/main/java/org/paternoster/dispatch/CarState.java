package org.paternoster.dispatch;

/** What a car is doing. Doors are closed in IDLE, STARTING and MOVING. */
public enum CarState {
  /** At rest at a floor, doors closed, no direction announced, nothing to do. */
  IDLE,
  /** Doors closed, direction chosen, waiting out the start delay. */
  STARTING,
  MOVING,
  OPENING,
  /** Doors open: alighting, boarding, dwelling (or held). */
  OPEN,
  CLOSING;

  public boolean doorsBusy() {
    return this == OPENING || this == OPEN || this == CLOSING;
  }
}
