package org.paternoster.dashboard.cluster;

import java.util.List;
import org.paternoster.view.ViewChange;
import org.paternoster.view.ViewState;

/**
 * Everything the page shows at one moment, derived from the latest polls by
 * {@link SnapshotBuilder}. Immutable; equal snapshots show the same page.
 *
 * @param takenAt dashboard clock, epoch ms
 * @param control the page may offer buttons, faults and "kill primary"
 * @param floors floors in the building
 * @param viewService whether the view service answers
 * @param view the current view as last announced, or null if the view service never answered
 * @param primary whether the current primary answers; null when the view has no primary
 * @param alerts plain sentences about what cannot be reached, most important first
 * @param history the newest view changes, oldest first (see {@link SnapshotBuilder#HISTORY_LIMIT})
 * @param failovers over the whole history
 * @param replicas sorted by id
 * @param elevators sorted by id
 * @param hallCalls pending hall calls in the primary's book, top floor first
 * @param cabCalls pending cab calls in the primary's book, by elevator and floor
 * @param latency the primary's commit latency over its last minute, or null if not reported
 * @param latencySeries oldest first
 * @param viewServiceGroup the members of a replicated view service and its leader ({@link ViewServiceGroup#NONE} for one process)
 */
public record ClusterSnapshot(
    long takenAt,
    boolean control,
    int floors,
    Source viewService,
    ViewState view,
    Source primary,
    List<String> alerts,
    List<ViewChange> history,
    FailoverSummary failovers,
    List<ReplicaRow> replicas,
    List<ElevatorRow> elevators,
    List<PendingCall> hallCalls,
    List<PendingCall> cabCalls,
    CommitLatency latency,
    List<LatencyPoint> latencySeries,
    ViewServiceGroup viewServiceGroup) {

  public ClusterSnapshot {
    alerts = List.copyOf(alerts);
    history = List.copyOf(history);
    replicas = List.copyOf(replicas);
    elevators = List.copyOf(elevators);
    hallCalls = List.copyOf(hallCalls);
    cabCalls = List.copyOf(cabCalls);
    latencySeries = List.copyOf(latencySeries);
  }

  /** The same snapshot with every reading that changes merely because time passes removed. */
  public ClusterSnapshot withoutClockReadings() {
    return new ClusterSnapshot(0, control, floors, viewService, view, primary, alerts, history, failovers,
        replicas.stream().map(ReplicaRow::withoutClockReadings).toList(),
        elevators.stream().map(ElevatorRow::withoutClockReadings).toList(),
        hallCalls, cabCalls, latency, latencySeries, viewServiceGroup);
  }

  /** The view service answered its latest poll. */
  public boolean viewServiceReachable() {
    return viewService.reachable();
  }

  /** The current view names a primary and that primary answered its latest poll. */
  public boolean primaryReachable() {
    return primary != null && primary.reachable();
  }
}
