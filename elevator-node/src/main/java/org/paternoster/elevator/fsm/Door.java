package org.paternoster.elevator.fsm;

/**
 * The door's timer and the obstruction switch. The door may close once it has been open for the
 * door time since the last reason to hold it (opening, a call served, the obstruction clearing,
 * the stop button released) and is not obstructed. Pure; owned by the {@link Fsm}.
 */
final class Door {
  private final long openMs;
  private boolean open;
  private boolean obstructed;
  private long closesAt = Watchdog.NONE;

  Door(long openMs) {
    this.openMs = openMs;
  }

  void open(long now) {
    open = true;
    closesAt = now + openMs;
  }

  void close() {
    open = false;
    closesAt = Watchdog.NONE;
  }

  /** Keeps the door open for a full door time from {@code now} (never shortens it). */
  void holdFrom(long now) {
    if (open) closesAt = Math.max(closesAt, now + openMs);
  }

  /** Policy: an open door closes no sooner than a full door time after the obstruction clears. */
  void obstruction(boolean active, long now) {
    if (obstructed == active) return;
    obstructed = active;
    if (!active) holdFrom(now);
  }

  boolean obstructed() {
    return obstructed;
  }

  boolean mayCloseAt(long now) {
    return open && !obstructed && now >= closesAt;
  }

  /** When the door closes if nothing holds it; {@link Watchdog#NONE} while closed or obstructed. */
  long closesAt() {
    return open && !obstructed ? closesAt : Watchdog.NONE;
  }
}
