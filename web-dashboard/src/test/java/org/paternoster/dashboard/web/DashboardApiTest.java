package org.paternoster.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.dashboard.support.DashboardUnderTest;
import org.paternoster.http.EventStreamClient;
import org.paternoster.dashboard.support.InJvmCluster;

/**
 * The dashboard's HTTP API against a real view service, two replicas and a simulated elevator,
 * all in this JVM: what the snapshot says, what the event stream pushes, and how the control
 * endpoints refuse what they must refuse.
 */
@ExtendWith(VertxExtension.class)
class DashboardApiTest {
  Vertx vertx;
  InJvmCluster cluster;
  WebClient web;

  @BeforeEach
  void startCluster(Vertx vertx) {
    this.vertx = vertx;
    web = WebClient.create(vertx);
    cluster = InJvmCluster.start(vertx).replica("r1");
    cluster.awaitView("r1 primary", v -> "r1".equals(v.primary()));
    cluster.replica("r2").elevator("e1", 0, 1); // real speed: a call stays pending for seconds
    cluster.awaitPrimaryAndBackup("r1", "r2");
  }

  static long viewnum(JsonObject snapshot) {
    JsonObject view = snapshot.getJsonObject("view");
    return view == null ? -1 : view.getLong("viewnum");
  }

  static String primary(JsonObject snapshot) {
    JsonObject view = snapshot.getJsonObject("view");
    return view == null ? null : view.getString("primary");
  }

  @Test
  void healthIsUpWithTheViewAndPrimaryAndDegradedOnceTheViewServiceIsGone() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), false);
    dashboard.awaitSnapshot("primary reachable", x -> x.getJsonObject("primary") != null
        && Boolean.TRUE.equals(x.getJsonObject("primary").getBoolean("reachable")));
    HttpResponse<Buffer> up = dashboard.get("/health");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.bodyAsJsonObject().getMap()).containsEntry("status", "UP").containsEntry("viewService", "reachable")
        .containsEntry("primary", "r1").containsEntry("primaryReachable", true);
    assertThat(up.bodyAsJsonObject().getLong("view")).isPositive();

    cluster.stopViewService();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonObject degraded = dashboard.get("/health").bodyAsJsonObject();
      assertThat(degraded.getString("status")).isEqualTo("DEGRADED");
      assertThat(degraded.getString("viewService")).isEqualTo("unreachable");
      assertThat(degraded.getJsonArray("alerts")).isNotEmpty();
    });
  }

  @Test
  void theSnapshotShowsTheCurrentViewTheReplicasAndTheElevator() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), false);
    JsonObject s = dashboard.awaitSnapshot("view, replicas and elevator seen", x -> "r2".equals(x.getJsonObject("view").getString("backup"))
        && x.getJsonArray("replicas").size() == 2 && x.getJsonArray("elevators").size() == 1
        && Boolean.TRUE.equals(x.getJsonArray("elevators").getJsonObject(0).getBoolean("nodeReachable"))
        // the primary pushes once leased: a guard time after the view service started
        && Boolean.TRUE.equals(x.getJsonArray("elevators").getJsonObject(0).getBoolean("online")));

    assertThat(s.getJsonObject("view").getMap()).containsEntry("primary", "r1").containsEntry("backup", "r2")
        .containsEntry("primaryAddress", cluster.address("r1")).containsEntry("backupAddress", cluster.address("r2"))
        .containsEntry("acked", true);
    assertThat(s.getJsonObject("viewService").getBoolean("reachable")).isTrue();
    assertThat(s.getJsonObject("primary").getBoolean("reachable")).isTrue();
    assertThat(s.getJsonArray("alerts")).isEmpty();
    assertThat(s.getBoolean("control")).isFalse();
    assertThat(s.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("reason")))
        .containsExactly("first primary", "backup joined");
    JsonObject r1 = s.getJsonArray("replicas").getJsonObject(0);
    assertThat(r1.getString("id")).isEqualTo("r1");
    assertThat(r1.getString("role")).isEqualTo("primary");
    assertThat(r1.getBoolean("alive")).isTrue();
    assertThat(r1.getLong("lastSeq")).isNotNull();
    JsonObject e1 = s.getJsonArray("elevators").getJsonObject(0);
    assertThat(e1.getString("id")).isEqualTo("e1");
    assertThat(e1.getBoolean("nodeReachable")).isTrue();
    assertThat(e1.getBoolean("online")).isTrue();
    assertThat(e1.getInteger("floor")).isEqualTo(0);
  }

  @Test
  void aFailoverIsPushedOverTheEventStreamWithItsReasonAndDuration() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), false);
    dashboard.awaitSnapshot("the view with a backup", s -> "r2".equals(s.getJsonObject("view").getString("backup")));
    try (EventStreamClient stream = EventStreamClient.open(vertx, dashboard.port(), "/api/events").await()) {
      assertThat(stream.response().getHeader("content-type")).startsWith("text/event-stream");
      await("the current snapshot at once").atMost(Duration.ofSeconds(5)).until(() -> !stream.events().isEmpty());
      assertThat(primary(stream.events().get(0))).isEqualTo("r1");
      long before = viewnum(stream.events().get(0));

      // Now the primary is gone: the stream shows r2 taking over. (Whether it first shows r1
      // unreachable depends on the race between the dashboard's poll and the view service, whose
      // crash probe finds a stopped server's port refusing at once; that alert is
      // SnapshotBuilderTest's.)
      cluster.stop("r1");
      await("the new view pushed").atMost(Duration.ofSeconds(10)).until(() -> stream.events().stream()
          .anyMatch(e -> "r2".equals(primary(e)) && viewnum(e) > before));
    }
    JsonObject s = dashboard.awaitSnapshot("the failover in the history", x -> x.getJsonObject("failovers").getInteger("count") == 1);
    JsonObject last = s.getJsonArray("history").getJsonObject(s.getJsonArray("history").size() - 1);
    assertThat(last.getString("reason")).isEqualTo("primary dead");
    assertThat(last.getString("primary")).isEqualTo("r2");
    // Stopping r1 closes its connection: the crash hint may fail over before the silence threshold.
    assertThat(last.getLong("failoverMs")).isNotNegative().isLessThanOrEqualTo(InJvmCluster.TIMING.maxDeadMs() + 1_000);
    assertThat(s.getJsonObject("failovers").getLong("lastMs")).isEqualTo(last.getLong("failoverMs"));
  }

  @Test
  void anUnreachableViewServiceIsSaidPlainlyAndItsLastViewIsKept() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), false);
    long viewnum = viewnum(dashboard.awaitSnapshot("a view", s -> viewnum(s) > 0));
    cluster.stopViewService();
    JsonObject s = dashboard.awaitSnapshot("view service unreachable", x -> !x.getJsonObject("viewService").getBoolean("reachable"));
    assertThat(s.getJsonArray("alerts").getString(0)).startsWith("The view service at " + cluster.viewServiceUrl() + " cannot be reached");
    assertThat(viewnum(s)).isEqualTo(viewnum);
    assertThat(s.getJsonObject("viewService").getLong("lastSeenAt")).isPositive();
  }

  @Test
  void controlEndpointsAnswer403WithoutTheControlFlagAndChangeNothing() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), false);
    dashboard.awaitSnapshot("the elevator", s -> s.getJsonArray("elevators").size() == 1);
    JsonObject nodeBefore = nodeState("e1");
    for (String[] request : List.of(
        new String[] {"/api/elevators/e1/buttons", "{\"type\":\"hall\",\"floor\":3,\"direction\":\"down\"}"},
        new String[] {"/api/elevators/e1/faults", "{\"motor\":\"cut\"}"},
        new String[] {"/api/kill-primary", "{}"})) {
      HttpResponse<Buffer> response = dashboard.post(request[0], request[1]);
      assertThat(response.statusCode()).as(request[0]).isEqualTo(403);
      assertThat(response.bodyAsJsonObject().getString("error")).contains("--control");
    }
    assertUnchanged(nodeBefore, dashboard);
  }

  @Test
  void controlWithoutTheTokenOrWithAWrongOneIs401AndChangesNothing() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), true);
    dashboard.awaitSnapshot("the elevator", s -> s.getJsonArray("elevators").size() == 1);
    JsonObject nodeBefore = nodeState("e1");
    for (String token : new String[] {null, "wrong-token-0123456789", DashboardUnderTest.CONTROL_TOKEN + "x", ""}) {
      for (String[] request : List.of(
          new String[] {"/api/elevators/e1/buttons", "{\"type\":\"hall\",\"floor\":3,\"direction\":\"down\"}"},
          new String[] {"/api/elevators/e1/faults", "{\"motor\":\"cut\"}"},
          new String[] {"/api/kill-primary", "{}"})) {
        HttpResponse<Buffer> response = dashboard.post(request[0], request[1], token);
        assertThat(response.statusCode()).as(request[0] + " with token " + token).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).contains("token");
      }
    }
    assertUnchanged(nodeBefore, dashboard);
  }

  @Test
  void malformedControlRequestsAnswer400AndChangeNothing() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), true);
    dashboard.awaitSnapshot("the elevator", s -> s.getJsonArray("elevators").size() == 1);
    JsonObject nodeBefore = nodeState("e1");
    for (String[] request : List.of(
        new String[] {"/api/elevators/e1/buttons", "not json"},
        new String[] {"/api/elevators/e1/buttons", ""},
        new String[] {"/api/elevators/e1/buttons", "[{\"type\":\"cab\",\"floor\":1}]"},
        new String[] {"/api/elevators/e1/buttons", "{\"type\":\"cab\",\"floor\":9}"},
        new String[] {"/api/elevators/e1/buttons", "{\"type\":\"hall\",\"floor\":3,\"direction\":\"up\"}"},
        new String[] {"/api/elevators/e1/buttons", "{\"type\":\"hall\",\"floor\":2}"},
        new String[] {"/api/elevators/e1/buttons", "{\"type\":\"cab\",\"floor\":2,\"extra\":1}"},
        new String[] {"/api/elevators/e%201/buttons", "{\"type\":\"cab\",\"floor\":2}"},
        new String[] {"/api/elevators/e1/faults", "{\"motor\":\"cut\",\"obstruction\":true}"},
        new String[] {"/api/elevators/e1/faults", "{\"obstruction\":\"yes\"}"},
        new String[] {"/api/kill-primary", "{\"id\":\"r1\"}"})) {
      HttpResponse<Buffer> response = dashboard.post(request[0], request[1]);
      assertThat(response.statusCode()).as(request[0] + " " + request[1]).isEqualTo(400);
      assertThat(response.getHeader("content-type")).startsWith("application/json");
      assertThat(response.bodyAsJsonObject().getString("error")).isNotBlank();
    }
    HttpResponse<Buffer> notJson = web.post(dashboard.port(), "127.0.0.1", "/api/kill-primary").putHeader("content-type", "text/plain")
        .putHeader("authorization", "Bearer " + DashboardUnderTest.CONTROL_TOKEN).sendBuffer(Buffer.buffer("{}")).await();
    assertThat(notJson.statusCode()).as("a form or text post from another page (CSRF) is refused").isEqualTo(415);
    HttpResponse<Buffer> unknown = dashboard.post("/api/elevators/e9/buttons", "{\"type\":\"cab\",\"floor\":2}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("error")).contains("e9");
    HttpResponse<Buffer> huge = dashboard.post("/api/elevators/e1/buttons", "{\"type\":\"cab\",\"floor\":2,\"pad\":\"" + "x".repeat(8192) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertUnchanged(nodeBefore, dashboard);
  }

  @Test
  void aValidPressReachesTheElevatorAndItsCallShowsUp() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), true);
    dashboard.awaitSnapshot("the elevator", s -> s.getJsonArray("elevators").size() == 1);
    HttpResponse<Buffer> response = dashboard.post("/api/elevators/e1/buttons", "{\"type\":\"hall\",\"floor\":3,\"direction\":\"down\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("message")).isEqualTo("pressed hall down at floor 3 on e1");
    dashboard.awaitSnapshot("the hall call, committed and assigned", s -> s.getJsonArray("hallCalls").stream()
        .map(JsonObject.class::cast).anyMatch(c -> c.getInteger("floor") == 3 && "down".equals(c.getString("direction"))));
  }

  @Test
  void thePageAndEveryAssetComeFromTheDashboardItself() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), false);
    HttpResponse<Buffer> page = dashboard.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("content-type")).startsWith("text/html");
    assertThat(page.getHeader("content-security-policy")).contains("default-src 'self'");
    String html = page.bodyAsString();
    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
    int assets = 0;
    while (refs.find()) {
      String ref = refs.group(1);
      assertThat(ref).as("a local asset").doesNotContain("//");
      HttpResponse<Buffer> asset = dashboard.get("/" + ref);
      assertThat(asset.statusCode()).as(ref).isEqualTo(200);
      assertThat(asset.bodyAsString()).as(ref + " loads nothing from elsewhere").doesNotContainPattern("(?:url\\(|@import|fetch\\(|src=)['\"]?https?:");
      assets++;
    }
    assertThat(assets).isGreaterThanOrEqualTo(3);
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrors() {
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), true);
    HttpResponse<Buffer> missing = dashboard.get("/api/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getString("error")).contains("/api/nope");
    HttpResponse<Buffer> wrongMethod = dashboard.get("/api/kill-primary");
    assertThat(wrongMethod.statusCode()).isIn(404, 405);
    assertThat(wrongMethod.bodyAsJsonObject().getString("error")).isNotBlank();
  }

  private JsonObject nodeState(String id) {
    return web.getAbs(cluster.address(id) + "/state").send().await().bodyAsJsonObject();
  }

  /** No button lit at the node, no fault set, no call in the book, no view change. */
  private void assertUnchanged(JsonObject nodeBefore, DashboardUnderTest dashboard) {
    JsonObject after = nodeState("e1");
    assertThat(after.getJsonObject("lights")).isEqualTo(nodeBefore.getJsonObject("lights"));
    assertThat(after.getBoolean("obstruction")).isEqualTo(nodeBefore.getBoolean("obstruction"));
    assertThat(after.getBoolean("available")).isTrue();
    JsonObject s = dashboard.snapshot();
    assertThat(s.getJsonArray("hallCalls")).isEqualTo(new JsonArray());
    assertThat(primary(s)).isEqualTo("r1");
  }
}
