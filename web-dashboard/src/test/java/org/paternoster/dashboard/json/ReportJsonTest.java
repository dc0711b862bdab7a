package org.paternoster.dashboard.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.paternoster.dashboard.cluster.CommitLatency;
import org.paternoster.dashboard.cluster.ElevatorReport;
import org.paternoster.dashboard.cluster.HallButton;
import org.paternoster.dashboard.cluster.PendingCall;
import org.paternoster.dashboard.cluster.ReplicaReport;
import org.paternoster.view.ServerStatus;

/** The APIs the dashboard reads are still growing: absent or odd fields read as unknown, never as a crash. */
class ReportJsonTest {
  @Test
  void aReplicaStateWithoutElevatorsOrLatencyReadsAsNone() {
    ReplicaReport r = ReportJson.replica(new JsonObject("""
        {"id":"r1","address":"http://127.0.0.1:7101","role":"backup","view":{"viewnum":3,"primary":"r2","backup":"r1"},
         "reportedViewnum":3,"lastSeq":17,"committedSeq":0,"pendingCalls":4,"waitingClients":0,"primary":false}"""));
    assertThat(r.id()).isEqualTo("r1");
    assertThat(r.view().viewnum()).isEqualTo(3);
    assertThat(r.lastSeq()).isEqualTo(17);
    assertThat(r.pendingCalls()).isEqualTo(4);
    assertThat(r.elevators()).isEmpty();
    assertThat(r.latency()).isNull();
  }

  @Test
  void aPrimaryStateGivesItsElevatorsAndCommitLatency() {
    ReplicaReport r = ReportJson.replica(new JsonObject("""
        {"id":"r2","role":"primary","lastSeq":5,
         "elevators":[{"id":"e1","address":"http://127.0.0.1:7201","floor":2,"direction":"up","behaviour":"moving",
                       "available":false,"unavailableReason":"motor","obstruction":false,"online":true,"lastReportAgeMs":80,
                       "cabCalls":[3,0],"assignedHallCalls":[{"floor":1,"direction":"down"},{"floor":"x"}]},
                      {"floor":1}],
         "commitLatency":{"p50Ms":3.07,"p99Ms":5.67,"count":4}}"""));
    assertThat(r.elevators()).as("an entry without id is skipped").hasSize(1);
    ElevatorReport e = r.elevators().get(0);
    assertThat(e).isEqualTo(new ElevatorReport("e1", "http://127.0.0.1:7201", 2, "up", "moving", false, "motor", false, true, 80L,
        java.util.List.of(3, 0), java.util.List.of(new HallButton(1, "down")), null, null));
    assertThat(r.latency()).isEqualTo(new CommitLatency(3.07, 5.67, 4));
  }

  @Test
  void aNodeStateGivesItsFloorCountAndOnlyTheHallCallsAssignedToIt() {
    ElevatorReport e = ReportJson.elevator(new JsonObject("""
        {"id":"e2","floor":null,"direction":"stop","behaviour":"idle","obstruction":true,"online":false,
         "cabCalls":[1],"hallCalls":[{"floor":2,"direction":"up","assigned":true},{"floor":3,"direction":"down","assigned":false}],
         "lights":{"hall":[[false,false],[false,false],[true,false],[false,true],[false,false]],"cab":[false,true,false,false,false]}}"""),
        "http://node");
    assertThat(e.address()).isEqualTo("http://node");
    assertThat(e.floor()).isNull();
    assertThat(e.floors()).isEqualTo(5);
    assertThat(e.hallCalls()).containsExactly(new HallButton(2, "up"));
    assertThat(e.available()).isNull();
    assertThat(e.online()).isFalse();
  }

  @Test
  void aNodesStandbyAdviceIsReadAndAMalformedOneIsUnknown() {
    assertThat(ReportJson.elevator(new JsonObject("{\"id\":\"e1\",\"standby\":{\"park\":0,\"hold\":true}}"), null).standby())
        .isEqualTo(new org.paternoster.assign.Standby(0, true));
    assertThat(ReportJson.elevator(new JsonObject("{\"id\":\"e1\",\"standby\":{\"park\":null,\"hold\":false}}"), null).standby())
        .isEqualTo(org.paternoster.assign.Standby.NONE);
    assertThat(ReportJson.elevator(new JsonObject("{\"id\":\"e1\"}"), null).standby()).as("an older node").isNull();
    assertThat(ReportJson.elevator(new JsonObject("{\"id\":\"e1\",\"standby\":{\"park\":-3,\"hold\":true}}"), null).standby()).isNull();
    assertThat(ReportJson.elevator(new JsonObject("{\"id\":\"e1\",\"standby\":\"lobby\"}"), null).standby()).isNull();
  }

  @Test
  void litHallLightsStandInForAMissingHallCallList() {
    ElevatorReport e = ReportJson.elevator(new JsonObject("""
        {"id":"e3","lights":{"hall":[[true,false],[false,true]],"cab":[true,false]},"cabCalls":[true,false]}"""), null);
    assertThat(e.hallCalls()).containsExactly(new HallButton(0, "up"), new HallButton(1, "down"));
    assertThat(e.cabCalls()).as("booleans by floor").containsExactly(0);
  }

  @Test
  void ordersKeepWellFormedCallsOnly() {
    var calls = ReportJson.orders(new JsonObject("""
        {"viewnum":2,"role":"primary","orders":[
          {"type":"hall","floor":1,"direction":"down","seq":1,"at":100,"assignee":"e1","arrivalInS":7.5},
          {"type":"cab","floor":2,"elevator":"e1","seq":2,"at":200},
          {"type":"hall","floor":1,"direction":"sideways","seq":3,"at":300},
          {"type":"cab","floor":2,"seq":4,"at":400},
          {"type":"hall","floor":3,"direction":"up","seq":5,"at":500,"assignee":"e2","arrivalInS":-4},
          {"type":"hall","floor":4,"direction":"up","seq":6,"at":600,"assignee":"e2","arrivalInS":"soon"},
          "junk"]}"""));
    assertThat(calls).containsExactly(
        new PendingCall("hall", 1, "down", null, 1, 100, "e1", 7.5),
        new PendingCall("cab", 2, null, "e1", 2, 200, null),
        new PendingCall("hall", 3, "up", null, 5, 500, "e2", null),
        new PendingCall("hall", 4, "up", null, 6, 600, "e2", null));
  }

  @Test
  void historyAndServersSkipEntriesWithoutIdentity() {
    assertThat(ReportJson.history(new JsonArray("""
        [{"viewnum":1,"primary":"a","announcedAt":5,"reason":"first primary"},{"primary":"b","announcedAt":6},
         {"viewnum":2,"primary":"a","backup":"a","announcedAt":7}]"""))).hasSize(1);
    var servers = ReportJson.servers(new JsonArray("""
        [{"server":"a","role":"primary","lastPingAgeMs":12,"viewnum":2,"address":"http://a","alive":true},{"role":"idle"},
         {"server":"b","role":"weird"}]"""));
    assertThat(servers).containsExactly(new ServerStatus("a", ServerStatus.Role.PRIMARY, 12, 2, "http://a", true),
        new ServerStatus("b", ServerStatus.Role.IDLE, 0, 0, null, false));
  }

  @Test
  void anAnswerWithoutItsIdentityIsRefused() {
    assertThatThrownBy(() -> ReportJson.replica(new JsonObject("{\"role\":\"primary\"}"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReportJson.orders(new JsonObject("{\"viewnum\":1}"))).isInstanceOf(IllegalArgumentException.class);
  }
}
