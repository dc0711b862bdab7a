package org.paternoster.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paternoster.dashboard.json.ReportJson;
import org.paternoster.view.ServerStatus;
import org.paternoster.view.View;
import org.paternoster.view.ViewState;

/** The snapshot is a pure function of the observations: every case is a few lines of input, no sockets, no clock. */
class SnapshotBuilderTest {
  static final long NOW = 1_000_000;
  static final String VS = "http://127.0.0.1:7000";
  final SnapshotBuilder builder = new SnapshotBuilder(4, false);

  static Observations seeing(View view) {
    return Observations.NONE.withViewServiceUrl(VS).withView(Reading.of(new ViewState(view, true), NOW - 50));
  }

  static View view(long n, String primary, String backup) {
    return new View(n, primary, backup, primary == null ? null : "http://" + primary, backup == null ? null : "http://" + backup);
  }

  static ReplicaReport replica(String id, String role, List<ElevatorReport> elevators) {
    return new ReplicaReport(id, "http://" + id, role, null, 3, 12, 12, 2, 0, elevators, new CommitLatency(2.5, 9.0, 40));
  }

  ClusterSnapshot build(Observations o) {
    return builder.build(o, List.of(), NOW);
  }

  @Test
  void failoverDurationsAndReasonsComeFromTheViewHistory() {
    JsonArray views = new JsonArray("""
        [{"viewnum":1,"primary":"a","backup":null,"announcedAt":1000,"reason":"first primary","failoverMs":null,"acked":true},
         {"viewnum":2,"primary":"a","backup":"b","announcedAt":1100,"reason":"backup joined","failoverMs":null,"acked":true},
         {"viewnum":3,"primary":"b","backup":null,"announcedAt":5000,"reason":"primary dead","failoverMs":540,"acked":true},
         {"viewnum":4,"primary":"b","backup":"a","announcedAt":6000,"reason":"backup joined","failoverMs":null,"acked":true},
         {"viewnum":5,"primary":"a","backup":null,"announcedAt":9000,"reason":"primary restarted","failoverMs":310,"acked":false}]""");
    ClusterSnapshot s = build(seeing(view(5, "a", null)).withHistory(Reading.of(ReportJson.history(views), NOW)));

    assertThat(s.history()).extracting(c -> c.view().viewnum() + ": " + c.reason())
        .containsExactly("1: first primary", "2: backup joined", "3: primary dead", "4: backup joined", "5: primary restarted");
    assertThat(s.history()).extracting(c -> c.failoverMs()).containsExactly(null, null, 540L, null, 310L);
    assertThat(s.failovers()).isEqualTo(new FailoverSummary(2, 310L, 540L));
  }

  @Test
  void theTimelineKeepsTheNewestViewsButTheSummaryCountsEveryFailover() {
    JsonArray views = new JsonArray();
    for (int n = 1; n <= SnapshotBuilder.HISTORY_LIMIT + 10; n++) {
      views.add(new JsonObject().put("viewnum", n).put("primary", n % 2 == 0 ? "a" : "b").put("announcedAt", n * 1000L)
          .put("reason", "primary dead").put("failoverMs", 100L + n));
    }
    ClusterSnapshot s = build(seeing(view(60, "a", null)).withHistory(Reading.of(ReportJson.history(views), NOW)));

    assertThat(s.history()).hasSize(SnapshotBuilder.HISTORY_LIMIT);
    assertThat(s.history().get(s.history().size() - 1).view().viewnum()).isEqualTo(60);
    assertThat(s.failovers().count()).isEqualTo(60);
    assertThat(s.failovers().maxMs()).isEqualTo(160);
  }

  @Test
  void theMembersOfAReplicatedViewServiceAndItsLeaderAreShown() {
    ViewServiceGroup group = new ViewServiceGroup(List.of("http://m1:7000", "http://m2:7000", "http://m3:7000"), "http://m2:7000");
    ClusterSnapshot s = build(seeing(view(5, "a", null)).withGroup(group));
    assertThat(s.viewServiceGroup()).isEqualTo(group);
    assertThat(org.paternoster.dashboard.json.SnapshotJson.toJson(s).getJsonObject("viewServiceGroup").getString("leader"))
        .isEqualTo("http://m2:7000");
    assertThat(build(seeing(view(5, "a", null))).viewServiceGroup()).as("one view service").isEqualTo(ViewServiceGroup.NONE);
  }

  @Test
  void anUnreachableViewServiceIsSaidPlainlyAndItsLastViewIsStillShown() {
    Observations o = seeing(view(4, "a", "b"))
        .withServers(Reading.of(List.of(new ServerStatus("a", ServerStatus.Role.PRIMARY, 30, 4, "http://a", true)), NOW - 50));
    o = o.withView(o.view().failed("connection refused")).withServers(o.servers().failed("connection refused"));
    ClusterSnapshot s = build(o);

    assertThat(s.replicas()).as("no stale liveness").containsExactly(
        new ReplicaRow("a", "http://a", "primary", null, null, null, false, null, null, null, null));

    assertThat(s.viewServiceReachable()).isFalse();
    assertThat(s.view().view()).isEqualTo(view(4, "a", "b"));
    assertThat(s.viewService().lastSeenAt()).isEqualTo(NOW - 50);
    assertThat(s.alerts()).first().asString()
        .contains("view service at " + VS + " cannot be reached (connection refused)", "last one it announced");
  }

  @Test
  void aViewServiceNeverReachedShowsNoView() {
    ClusterSnapshot s = build(Observations.NONE.withViewServiceUrl(VS).withView(Reading.<ViewState>none().failed("no answer within 1000 ms")));
    assertThat(s.view()).isNull();
    assertThat(s.alerts()).containsExactly("The view service at " + VS + " cannot be reached (no answer within 1000 ms).");
  }

  @Test
  void aViewServiceNotYetDiscoveredIsSaidPlainly() {
    ClusterSnapshot s = build(Observations.NONE.withView(Reading.<ViewState>none().failed("location unknown")));
    assertThat(s.alerts()).containsExactly("The view service has not been found: discovery knows no view service yet.");
  }

  @Test
  void anUnreachablePrimaryIsSaidPlainly() {
    Observations o = seeing(view(2, "a", "b"))
        .withReplica("a", Reading.of(replica("a", "primary", List.of()), NOW - 300))
        .withReplica("b", Reading.of(replica("b", "backup", List.of()), NOW));
    o = o.withReplica("a", o.replica("a").failed("connection refused"));
    ClusterSnapshot s = build(o);

    assertThat(s.primaryReachable()).isFalse();
    assertThat(s.primary().name()).isEqualTo("a");
    assertThat(s.alerts()).containsExactly("The primary a at http://a cannot be reached (connection refused).");
    assertThat(s.latency()).as("no figures from a primary that does not answer").isNull();
    assertThat(s.replicas()).extracting(ReplicaRow::id, ReplicaRow::reachable).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", false), org.assertj.core.groups.Tuple.tuple("b", true));
  }

  @Test
  void aPrimaryThatStoppedPingingIsSaidPlainlyEvenWhileItAnswers() {
    Observations o = seeing(view(2, "a", "b"))
        .withServers(Reading.of(List.of(new ServerStatus("a", ServerStatus.Role.PRIMARY, 700, 2, "http://a", false),
            new ServerStatus("b", ServerStatus.Role.BACKUP, 20, 2, "http://b", true)), NOW))
        .withReplica("a", Reading.of(replica("a", "primary", List.of()), NOW));
    assertThat(build(o).alerts()).containsExactly("The primary a has stopped pinging the view service.");
  }

  @Test
  void aReachablePrimaryRaisesNoAlertAndGivesItsLatency() {
    ClusterSnapshot s = build(seeing(view(2, "a", "b")).withReplica("a", Reading.of(replica("a", "primary", List.of()), NOW)));
    assertThat(s.alerts()).isEmpty();
    assertThat(s.primaryReachable()).isTrue();
    assertThat(s.latency()).isEqualTo(new CommitLatency(2.5, 9.0, 40));
  }

  @Test
  void viewZeroSaysThereIsNoPrimaryYet() {
    ClusterSnapshot s = build(seeing(View.INITIAL));
    assertThat(s.primary()).isNull();
    assertThat(s.alerts()).containsExactly("No primary yet: no replica has pinged the view service.");
  }

  @Test
  void replicasJoinWhatTheViewServiceSaysWithWhatTheyReport() {
    Observations o = seeing(view(3, "b", "c"))
        .withServers(Reading.of(List.of(new ServerStatus("a", ServerStatus.Role.IDLE, 5_000, 2, "http://a", false),
            new ServerStatus("b", ServerStatus.Role.PRIMARY, 30, 3, "http://b", true)), NOW))
        .withReplica("b", Reading.of(replica("b", "primary", List.of()), NOW))
        .withReplica("c", Reading.of(replica("c", "backup", List.of()), NOW));
    List<ReplicaRow> rows = build(o).replicas();

    assertThat(rows).extracting(ReplicaRow::id).containsExactly("a", "b", "c");
    assertThat(rows.get(0)).isEqualTo(new ReplicaRow("a", "http://a", "idle", false, 5_000L, 2L, false, null, null, null, null));
    assertThat(rows.get(1).role()).isEqualTo("primary");
    assertThat(rows.get(1).lastSeq()).isEqualTo(12);
    assertThat(rows.get(2).role()).as("from the view, though it never pinged").isEqualTo("backup");
    assertThat(rows.get(2).alive()).isNull();
  }

  @Test
  void elevatorsJoinThePrimarysViewWithTheNodesOwnAndHallCallsGetTheirAssignee() {
    ElevatorReport asPrimarySees = new ElevatorReport("e1", "http://e1", 1, "up", "moving", false, "door", false, true, 40L,
        List.of(3), List.of(new HallButton(2, "down")), null, null);
    ElevatorReport asNodeSays = new ElevatorReport("e1", "http://e1", 2, "stop", "doorOpen", true, null, true, true, null,
        List.of(3, 0), List.of(), 6, new org.paternoster.assign.Standby(0, true));
    Observations o = seeing(view(2, "a", "b"))
        .withReplica("a", Reading.of(replica("a", "primary", List.of(asPrimarySees)), NOW))
        .withNode("e1", Reading.of(asNodeSays, NOW))
        .withOrders("a", Reading.of(List.of(
            new PendingCall("hall", 2, "down", null, 7, NOW - 900, null),
            new PendingCall("hall", 3, "down", null, 8, NOW - 100, "e9"),
            new PendingCall("cab", 3, null, "e1", 6, NOW - 2000, null)), NOW));
    ClusterSnapshot s = build(o);

    ElevatorReport e = s.elevators().get(0).state();
    assertThat(e.floor()).as("where the car is: the node's word").isEqualTo(2);
    assertThat(e.behaviour()).isEqualTo("doorOpen");
    assertThat(e.obstruction()).isTrue();
    assertThat(e.cabCalls()).containsExactly(3, 0);
    assertThat(e.standby()).as("the advice it follows: the node's word").isEqualTo(new org.paternoster.assign.Standby(0, true));
    assertThat(e.available()).as("hall assignment: the primary's word").isFalse();
    assertThat(e.unavailableReason()).isEqualTo("door");
    assertThat(e.hallCalls()).containsExactly(new HallButton(2, "down"));
    assertThat(s.elevators().get(0).nodeReachable()).isTrue();
    assertThat(s.floors()).as("the node drives 6 floors").isEqualTo(6);
    assertThat(s.hallCalls()).extracting(PendingCall::floor, PendingCall::assignee)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "e9"), org.assertj.core.groups.Tuple.tuple(2, "e1"));
    assertThat(s.cabCalls()).extracting(PendingCall::elevator).containsExactly("e1");
  }

  @Test
  void anUnreachableNodeFallsBackToWhatThePrimaryKnows() {
    ElevatorReport asPrimarySees = new ElevatorReport("e1", "http://e1", 1, "stop", "idle", true, null, false, false, 3_000L,
        List.of(), List.of(), null, null);
    Observations o = seeing(view(2, "a", "b"))
        .withReplica("a", Reading.of(replica("a", "primary", List.of(asPrimarySees)), NOW))
        .withNode("e1", Reading.<ElevatorReport>none().failed("connection refused"));
    ElevatorRow row = build(o).elevators().get(0);
    assertThat(row.nodeReachable()).isFalse();
    assertThat(row.state()).isEqualTo(asPrimarySees);
    assertThat(row.controllable()).isTrue();
  }

  @Test
  void ordersOfAReplicaThatIsNoLongerPrimaryAreNotShown() {
    Observations o = seeing(view(3, "b", null))
        .withOrders("a", Reading.of(List.of(new PendingCall("hall", 1, "up", null, 1, NOW, null)), NOW));
    assertThat(build(o).hallCalls()).isEmpty();
  }
}
