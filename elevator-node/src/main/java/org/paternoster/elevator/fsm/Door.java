package org.paternoster.elevator.fsm;

/**
 * The door's timer and the obstruction switch. The door may close once it has been open for the
 * door time since the last reason to hold it (opening, a call served, the obstruction clearing,
 * the stop button released), is not obstructed, and is not held by the primary's advice (a hold
 * lasts at most a given time from the opening, and ends with the door closing). Pure; owned by the {@link Fsm}.
 */
final class Door {
  private final long openMs;
  private boolean open;
  private boolean obstructed;
  private long closesAt = Watchdog.NONE;
  private long openedAt;
  private long heldUntil = Long.MIN_VALUE; // the primary's hold, bounded from the opening

  Door(long openMs) {
    this.openMs = openMs;
  }

  void open(long now) {
    open = true;
    openedAt = now;
    closesAt = now + openMs;
    heldUntil = Long.MIN_VALUE;
  }

  void close() {
    open = false;
    closesAt = Watchdog.NONE;
    heldUntil = Long.MIN_VALUE;
  }

  /** The primary asks to keep the open door open: at most {@code maxMs} after it opened. */
  void hold(long maxMs) {
    if (open) heldUntil = openedAt + maxMs;
  }

  /** The primary's hold is withdrawn: the door's own timer decides again. */
  void release() {
    heldUntil = Long.MIN_VALUE;
  }

  /** Kept open by the primary's hold at {@code now}. */
  boolean held(long now) {
    return open && now < heldUntil;
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
    return open && !obstructed && now >= closesAt && now >= heldUntil;
  }

  /** When the door closes if nothing new holds it; {@link Watchdog#NONE} while closed or obstructed. */
  long closesAt() {
    return open && !obstructed ? Math.max(closesAt, heldUntil) : Watchdog.NONE;
  }
}
