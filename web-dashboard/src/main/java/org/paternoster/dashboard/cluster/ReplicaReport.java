package org.paternoster.dashboard.cluster;

import java.util.List;
import org.paternoster.view.View;

/**
 * A replica's own {@code GET /state}: the role and view it believes in and how far its order book
 * got. {@code elevators} and {@code latency} are empty/null when the replica does not report them
 * (a backup, or a version without them).
 *
 * @param role {@code "primary"}, {@code "backup"} or {@code "idle"}, as the replica itself sees it
 * @param lastSeq the last sequence number applied to its order book
 * @param committedSeq the last sequence number the backup also holds (primary only)
 */
public record ReplicaReport(
    String id,
    String address,
    String role,
    View view,
    long reportedViewnum,
    long lastSeq,
    long committedSeq,
    int pendingCalls,
    int waitingClients,
    List<ElevatorReport> elevators,
    CommitLatency latency) {

  public ReplicaReport {
    if (id == null) throw new IllegalArgumentException("replica without id");
    elevators = elevators == null ? List.of() : List.copyOf(elevators);
  }
}
