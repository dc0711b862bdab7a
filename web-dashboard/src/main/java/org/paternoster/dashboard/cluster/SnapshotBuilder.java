package org.paternoster.dashboard.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.paternoster.view.ServerStatus;
import org.paternoster.view.View;
import org.paternoster.view.ViewChange;
import org.paternoster.view.ViewState;

/**
 * Derives the page's {@link ClusterSnapshot} from the latest {@link Observations}: a pure
 * function of its inputs and {@code now}, no I/O, no clock. Joins what the view service says with
 * what each replica and elevator node says, picks the current primary's order book, fills in
 * assignees, and states in plain words what cannot be reached.
 */
public final class SnapshotBuilder {
  /** How many view changes the page gets; the failover summary covers all of them. */
  public static final int HISTORY_LIMIT = 50;
  /** How many hall calls and how many cab calls the page gets at most. */
  public static final int CALL_LIMIT = 200;

  private final int floors;
  private final boolean control;

  /**
   * @param floors floors in the building unless an elevator node reports its own count
   * @param control the page may offer the control actions
   */
  public SnapshotBuilder(int floors, boolean control) {
    if (floors < 2) throw new IllegalArgumentException("a building has at least 2 floors");
    this.floors = floors;
    this.control = control;
  }

  public ClusterSnapshot build(Observations o, List<LatencyPoint> latencySeries, long now) {
    ViewState view = o.view().value();
    String primaryId = view == null ? null : view.view().primary();
    Reading<ReplicaReport> primaryReading = primaryId == null ? Reading.none() : o.replica(primaryId);
    Source viewService = Source.of("view service", o.viewServiceUrl(), o.view());
    Source primary = primaryId == null ? null : Source.of(primaryId, view.view().primaryAddress(), primaryReading);

    List<ElevatorRow> elevators = elevators(primaryReading.value(), o);
    List<PendingCall> calls = primaryId == null || o.ordersOf(primaryId).value() == null
        ? List.of() : withAssignees(o.ordersOf(primaryId).value(), elevators);
    List<ViewChange> history = o.history().value() == null ? List.of() : o.history().value();
    CommitLatency latency = primaryReading.reachable() ? primaryReading.value().latency() : null;

    return new ClusterSnapshot(now, control, floors(elevators), viewService, view, primary,
        alerts(o, view, primary), newest(history, HISTORY_LIMIT), FailoverSummary.of(history),
        replicas(o, view), elevators,
        limit(calls.stream().filter(PendingCall::isHall)
            .sorted(Comparator.comparingInt(PendingCall::floor).reversed().thenComparing(PendingCall::direction)).toList()),
        limit(calls.stream().filter(c -> !c.isHall())
            .sorted(Comparator.comparing(PendingCall::elevator).thenComparingInt(PendingCall::floor)).toList()),
        latency, latencySeries, o.group());
  }

  /** Most important first: without the view service nothing below is current. */
  private static List<String> alerts(Observations o, ViewState view, Source primary) {
    List<String> alerts = new ArrayList<>();
    if (o.viewServiceUrl() == null && !o.view().reachable()) {
      alerts.add("The view service has not been found: discovery knows no view service yet.");
    } else if (o.view().failing()) {
      alerts.add("The view service at " + o.viewServiceUrl() + " cannot be reached (" + o.view().error() + ")."
          + (view == null ? "" : " The view shown is the last one it announced."));
    }
    if (view != null && view.view().primary() == null) {
      alerts.add("No primary yet: no replica has pinged the view service.");
    }
    if (primary != null && !primary.reachable() && primary.error() != null) {
      alerts.add("The primary " + primary.name() + (primary.address() == null ? "" : " at " + primary.address())
          + " cannot be reached (" + primary.error() + ").");
    } else if (primary != null && o.view().reachable() && Boolean.FALSE.equals(aliveness(o, primary.name()))) {
      alerts.add("The primary " + primary.name() + " has stopped pinging the view service.");
    }
    return alerts;
  }

  private static Boolean aliveness(Observations o, String server) {
    if (o.servers().value() == null) return null;
    return o.servers().value().stream().filter(s -> s.id().equals(server)).map(ServerStatus::alive).findFirst().orElse(null);
  }

  private static List<ReplicaRow> replicas(Observations o, ViewState view) {
    Map<String, ServerStatus> servers = new HashMap<>();
    if (o.servers().value() != null) o.servers().value().forEach(s -> servers.put(s.id(), s));
    TreeSet<String> ids = new TreeSet<>(servers.keySet());
    ids.addAll(o.replicas().keySet());
    List<ReplicaRow> rows = new ArrayList<>();
    for (String id : ids) {
      // Liveness and ping age are only shown while the view service answers: stale ones would mislead.
      ServerStatus s = o.servers().reachable() ? servers.get(id) : null;
      String knownAddress = servers.containsKey(id) ? servers.get(id).address() : null;
      Reading<ReplicaReport> reading = o.replica(id);
      ReplicaReport r = reading.value();
      String address = r != null && r.address() != null ? r.address() : knownAddress;
      rows.add(new ReplicaRow(id, address, roleOf(id, view, s),
          s == null ? null : s.alive(), s == null ? null : s.lastPingAgeMs(), s == null ? null : s.viewnum(),
          reading.reachable(), r == null ? null : r.role(),
          r == null ? null : r.lastSeq(), r == null ? null : r.committedSeq(), r == null ? null : r.pendingCalls()));
    }
    return rows;
  }

  private static String roleOf(String id, ViewState state, ServerStatus status) {
    if (state != null) {
      View view = state.view();
      return view.isPrimary(id) ? "primary" : view.isBackup(id) ? "backup" : "idle";
    }
    return status == null ? "idle" : status.role().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The primary's list joined with the nodes' own reports, by elevator id. */
  private static List<ElevatorRow> elevators(ReplicaReport primary, Observations o) {
    Map<String, ElevatorReport> fromPrimary = new TreeMap<>();
    if (primary != null) primary.elevators().forEach(e -> fromPrimary.put(e.id(), e));
    TreeSet<String> ids = new TreeSet<>(fromPrimary.keySet());
    ids.addAll(o.nodes().keySet());
    List<ElevatorRow> rows = new ArrayList<>();
    for (String id : ids) {
      Reading<ElevatorReport> node = o.node(id);
      ElevatorReport base = fromPrimary.get(id);
      ElevatorReport merged = base == null ? node.value()
          : node.reachable() ? base.overlaidBy(node.value()) : base;
      if (merged == null) continue;
      Boolean nodeReachable = node.value() == null && !node.failing() ? null : node.reachable();
      rows.add(new ElevatorRow(merged, nodeReachable));
    }
    return rows;
  }

  /** Calls the book lists without an assignee get the elevator whose assigned hall calls hold them. */
  private static List<PendingCall> withAssignees(List<PendingCall> calls, List<ElevatorRow> elevators) {
    Map<HallButton, String> assigned = new HashMap<>();
    for (ElevatorRow e : elevators) {
      List<HallButton> hall = e.state().hallCalls();
      if (hall != null) hall.forEach(h -> assigned.putIfAbsent(h, e.state().id()));
    }
    return calls.stream().map(c -> c.assignee() != null || !c.isHall() ? c
        : c.assignedTo(assigned.get(new HallButton(c.floor(), c.direction())))).toList();
  }

  private int floors(List<ElevatorRow> elevators) {
    return elevators.stream().map(e -> e.state().floors()).filter(f -> f != null && f >= 2)
        .max(Integer::compare).orElse(floors);
  }

  private static <T> List<T> newest(List<T> list, int n) {
    return list.size() <= n ? list : list.subList(list.size() - n, list.size());
  }

  private static <T> List<T> limit(List<T> list) {
    return list.size() <= CALL_LIMIT ? list : list.subList(0, CALL_LIMIT);
  }
}
