package org.paternoster.system.chaos;

import java.util.Set;

/**
 * One entry of a chaos run's history. {@code t} is milliseconds since the run started (the
 * observer's clock; for requests, the time the answer arrived unless a record says otherwise).
 * Calls are keys from {@link Calls}: {@code hall:F:up|down} or {@code cab:NODE:F}.
 * The observer records changes only (a light, a car, a role), not every poll.
 */
public sealed interface Event {
  long t();

  /** The generator pressed {@code call} on {@code node}'s panel (the node answered 200). */
  record Press(long t, String node, String call) implements Event {}

  /** {@code node}'s lamp for {@code call} was seen to turn on or off. */
  record Light(long t, String node, String call, boolean on) implements Event {}

  /** {@code node}'s car changed: floor, behaviour (idle|moving|doorOpen), announced direction, online. */
  record Car(long t, String node, int floor, String behaviour, String direction, boolean online) implements Event {}

  /**
   * {@code node}'s own log records its door opening at {@code floor} at {@code t} (read back from the
   * node's log file after the run, so it survives the node: a door open too briefly for any poll,
   * or just before a kill, still counts as a service). An instant, not an interval.
   */
  record DoorLogged(long t, String node, int floor) implements Event {}

  /** A process answered (up) or stopped answering (down) the observer; {@code name} as in {@link Topology}. */
  record Reachable(long t, String name, boolean up) implements Event {}

  /** The view service's {@code GET /view} changed. */
  record ViewSeen(long t, long viewnum, String primary, String backup, boolean acked) implements Event {}

  /** A view of the view service's history ({@code GET /views}), recorded once per view number. */
  record ViewEntry(long t, long viewnum, String primary, String backup, String reason, Long failoverMs) implements Event {}

  /**
   * A replica's {@code GET /orders} changed (role, viewnum or the pending calls). {@code t} is when
   * the request was SENT, so every order acknowledged before {@code t} was committed before the
   * replica answered.
   */
  record Orders(long t, String replica, String role, long viewnum, Set<String> calls) implements Event {}

  /** {@code replica} acknowledged a direct {@code POST /orders} of {@code call}: committed in {@code viewnum}. */
  record Ack(long t, String replica, long viewnum, long seq, String call) implements Event {}

  /**
   * A fault was injected ({@code start}) or healed. {@code targets} are process names; a heal of a
   * kill is recorded once the restarted process answers.
   */
  record Fault(long t, int id, String kind, Set<String> targets, String detail, boolean start) implements Event {}
}
