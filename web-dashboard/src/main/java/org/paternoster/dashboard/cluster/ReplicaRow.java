package org.paternoster.dashboard.cluster;

/**
 * One replica as the page lists it: what the view service says of it (role in the current view,
 * liveness, last ping) joined with what it says of itself. Fields a side did not report are null.
 *
 * @param role {@code "primary"}, {@code "backup"} or {@code "idle"} in the view service's current view
 * @param alive the view service still hears its pings
 * @param pingedViewnum the view number it last reported in a ping
 * @param reachable the dashboard's latest {@code GET /state} answered
 * @param selfRole the role the replica itself reports
 * @param lastSeq the last sequence number applied to its order book
 */
public record ReplicaRow(
    String id,
    String address,
    String role,
    Boolean alive,
    Long lastPingAgeMs,
    Long pingedViewnum,
    boolean reachable,
    String selfRole,
    Long lastSeq,
    Long committedSeq,
    Integer pendingCalls) {

  ReplicaRow withoutClockReadings() {
    return new ReplicaRow(id, address, role, alive, null, pingedViewnum, reachable, selfRole, lastSeq, committedSeq, pendingCalls);
  }
}
