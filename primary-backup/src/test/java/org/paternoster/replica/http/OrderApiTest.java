package org.paternoster.replica.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paternoster.testing.FreePorts;
import org.paternoster.time.LeaseClock;
import org.paternoster.view.PingTiming;

/** The order API over real HTTP in one JVM: a view service and two replicas as verticles. */
@ExtendWith(VertxExtension.class)
class OrderApiTest {
  WebClient http;
  String primary;
  String backup;
  String vs;
  java.util.Map<String, String> deployments;

  @BeforeEach
  void cluster(Vertx vertx) {
    InJvmPair pair = InJvmPair.start(vertx, new PingTiming(20, 5));
    http = pair.http();
    vs = pair.viewService();
    primary = pair.primary();
    backup = pair.backup();
    deployments = pair.deployments();
    assertThat(java.util.Set.of(primary, backup)).isEqualTo(deployments.keySet());
  }

  @Test
  void healthNamesTheRoleTheViewTheLeaseAndTheViewService() {
    await().atMost(Duration.ofSeconds(10)).until(() -> http.getAbs(primary + "/health").send().await().bodyAsJsonObject().getBoolean("leased"));
    JsonObject p = http.getAbs(primary + "/health").send().await().bodyAsJsonObject();
    JsonObject view = http.getAbs(vs + "/view").send().await().bodyAsJsonObject();
    assertThat(p.getString("status")).isEqualTo("UP");
    assertThat(p.getString("role")).isEqualTo("primary");
    assertThat(p.getLong("view")).isEqualTo(view.getLong("viewnum"));
    assertThat(p.getString("backup")).isEqualTo(view.getString("backup"));
    assertThat(p.getBoolean("acked")).isTrue();
    assertThat(p.getString("viewService")).isEqualTo("reachable");
    assertThat(p.getString("store")).isEqualTo("memory");
    JsonObject b = http.getAbs(backup + "/health").send().await().bodyAsJsonObject();
    assertThat(b.getString("role")).isEqualTo("backup");
    assertThat(b.getBoolean("leased")).isFalse();
  }

  HttpResponse<Buffer> post(String base, String path, String body) {
    return http.postAbs(base + path).sendBuffer(Buffer.buffer(body)).await();
  }

  @Test
  void committedOnlyWithBackupAndIdempotentOnResend() {
    String order = "{\"id\":\"req-1\",\"type\":\"hall\",\"floor\":1,\"direction\":\"down\"}";
    JsonObject first = post(primary, "/orders", order).bodyAsJsonObject();
    assertThat(first.getString("status")).isEqualTo("committed");
    assertThat(http.getAbs(backup + "/orders").send().await().bodyAsJsonObject().getJsonArray("orders")).hasSize(1);
    JsonObject again = post(primary, "/orders", order).bodyAsJsonObject();
    assertThat(again.getLong("seq")).isEqualTo(first.getLong("seq"));
    assertThat(http.getAbs(primary + "/state").send().await().bodyAsJsonObject().getLong("lastSeq")).isEqualTo(first.getLong("seq"));
  }

  @Test
  void servedRemovesOnlyTheIncarnationItNames() {
    JsonObject lit = post(primary, "/orders", "{\"id\":\"p1\",\"type\":\"cab\",\"floor\":2,\"elevator\":\"e1\"}").bodyAsJsonObject();
    post(primary, "/orders/served", "{\"id\":\"s1\",\"type\":\"cab\",\"floor\":2,\"elevator\":\"e1\",\"callSeq\":" + lit.getLong("callSeq") + "}");
    JsonObject relit = post(primary, "/orders", "{\"id\":\"p2\",\"type\":\"cab\",\"floor\":2,\"elevator\":\"e1\"}").bodyAsJsonObject();
    var staleServed = post(primary, "/orders/served", "{\"id\":\"s2\",\"type\":\"cab\",\"floor\":2,\"elevator\":\"e1\",\"callSeq\":" + lit.getLong("callSeq") + "}");
    assertThat(staleServed.statusCode()).isEqualTo(200);
    var orders = http.getAbs(primary + "/orders").send().await().bodyAsJsonObject().getJsonArray("orders");
    assertThat(orders).hasSize(1);
    assertThat(orders.getJsonObject(0).getLong("seq")).isEqualTo(relit.getLong("callSeq"));
  }

  @Test
  void withTheBackupGoneNothingIsAcknowledgedUntilTheViewDropsIt(Vertx vertx) {
    vertx.undeploy(deployments.get(backup)).await();
    String order = "{\"id\":\"late-1\",\"type\":\"hall\",\"floor\":2,\"direction\":\"up\"}";
    var first = post(primary, "/orders", order);
    if (first.statusCode() == 503) {
      assertThat(first.bodyAsJsonObject().getString("error")).contains("retry with the same id");
    } else {
      // the view service already dropped the dead backup (5 pings of 20 ms): committed alone is correct
      assertThat(http.getAbs(vs + "/view").send().await().bodyAsJsonObject().getString("backup")).isNull();
    }
    await().atMost(Duration.ofSeconds(10)).until(() ->
        http.getAbs(vs + "/view").send().await().bodyAsJsonObject().getValue("backup") == null);
    JsonObject again = post(primary, "/orders", order).bodyAsJsonObject();
    assertThat(again.getString("status")).isEqualTo("committed");
    assertThat(http.getAbs(primary + "/orders").send().await().bodyAsJsonObject().getJsonArray("orders")).hasSize(1);
  }

  /**
   * Admission control over HTTP: a replica whose bound of waiting orders is reached (here 0, so
   * at once) pushes back with 503 and Retry-After, and orders nothing.
   */
  @Test
  void anOrderBeyondTheBoundOfWaitingOrdersIs503WithRetryAfterAndChangesNothing(Vertx vertx) {
    int port = FreePorts.pick();
    String full = "http://127.0.0.1:" + port;
    vertx.deployVerticle(new ReplicaVerticle(ReplicaConfig.of("r3", "127.0.0.1", port, 4, () -> vs, 20).withMaxWaitingOrders(0),
        new LeaseClock())).await();
    var r = post(full, "/orders", "{\"id\":\"x\",\"type\":\"hall\",\"floor\":1,\"direction\":\"up\"}");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.getHeader("retry-after")).isEqualTo("1");
    assertThat(r.bodyAsJsonObject().getString("error")).startsWith("overloaded: 0 orders already wait").contains("nothing was ordered");
    assertThat(http.getAbs(full + "/state").send().await().bodyAsJsonObject().getLong("lastSeq")).isZero();
  }

  /**
   * A replica's metrics as a process runs it: its own count of refusals by reason, the JVM's
   * meters, and no per-request HTTP server meters (they cost the commit path 9-14 %).
   */
  @Test
  void aReplicaCountsItsRefusalsByReasonAndNotEveryRequest() {
    Vertx metered = org.paternoster.metrics.ProcessMetrics.vertxWithoutRequestMeters();
    try {
      int port = FreePorts.pick();
      String full = "http://127.0.0.1:" + port;
      metered.deployVerticle(new ReplicaVerticle(ReplicaConfig.of("r3", "127.0.0.1", port, 4, () -> vs, 20).withMaxWaitingOrders(0),
          new LeaseClock())).await();
      for (int i = 0; i < 2; i++) assertThat(post(full, "/orders", "{\"id\":\"x\",\"type\":\"hall\",\"floor\":1,\"direction\":\"up\"}").statusCode()).isEqualTo(503);
      String scraped = http.getAbs(full + "/metrics").send().await().bodyAsString();
      assertThat(scraped).contains("paternoster_orders_refused_total{reason=\"overloaded\"} 2.0")
          .contains("paternoster_orders_refused_total{reason=\"not_primary\"} 0.0")
          .contains("jvm_memory_used_bytes")
          .doesNotContain("vertx_http_server_requests_total");
    } finally {
      metered.close().await();
    }
  }

  @Test
  void backupAnswersNotPrimaryWithTheWayToThePrimary() {
    var r = post(backup, "/orders", "{\"id\":\"x\",\"type\":\"hall\",\"floor\":1,\"direction\":\"up\"}");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("not primary");
    assertThat(r.bodyAsJsonObject().getString("primaryAddress")).isEqualTo(primary);
    assertThat(http.getAbs(backup + "/orders").send().await().bodyAsJsonObject().getJsonArray("orders")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not json", "[]", "{}", "{\"type\":\"hall\",\"floor\":1,\"direction\":\"up\"}",
      "{\"id\":\"a\",\"type\":\"hall\",\"floor\":4,\"direction\":\"down\"}",
      "{\"id\":\"a\",\"type\":\"hall\",\"floor\":3,\"direction\":\"up\"}",
      "{\"id\":\"a\",\"type\":\"hall\",\"floor\":0,\"direction\":\"down\"}",
      "{\"id\":\"a\",\"type\":\"hall\",\"floor\":-1,\"direction\":\"up\"}",
      "{\"id\":\"a\",\"type\":\"hall\",\"floor\":1.5,\"direction\":\"up\"}",
      "{\"id\":\"a\",\"type\":\"hall\",\"floor\":\"1\",\"direction\":\"up\"}",
      "{\"id\":\"a\",\"type\":\"hall\",\"floor\":1,\"direction\":\"sideways\"}",
      "{\"id\":\"a\",\"type\":\"cab\",\"floor\":1}",
      "{\"id\":\"a b\",\"type\":\"cab\",\"floor\":1,\"elevator\":\"e\"}",
      "{\"id\":\"a\",\"type\":\"lift\",\"floor\":1}"})
  void malformedOrdersAre400AndChangeNothing(String body) {
    long before = http.getAbs(primary + "/state").send().await().bodyAsJsonObject().getLong("lastSeq");
    var r = post(primary, "/orders", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).isNotBlank();
    assertThat(http.getAbs(primary + "/state").send().await().bodyAsJsonObject().getLong("lastSeq")).isEqualTo(before);
  }

  @Test
  void stateTransferOfAFullBookFitsTheReplicationBodyLimit() {
    // Regression: a transfer after ~60k orders once exceeded the client body limit and was retried forever.
    var receipts = new java.util.ArrayList<org.paternoster.orders.Receipt>();
    for (int i = 0; i < org.paternoster.orders.OrderBook.RECEIPTS_KEPT; i++) receipts.add(new org.paternoster.orders.Receipt("x".repeat(64) + i, i + 1, i + 1));
    var served = new java.util.ArrayList<org.paternoster.orders.Tombstone>();
    for (int i = 0; i < org.paternoster.orders.OrderBook.TOMBSTONES_KEPT; i++) {
      served.add(new org.paternoster.orders.Tombstone(new org.paternoster.orders.CabCall("car-with-a-long-name-" + i, i % 4), i + 1));
    }
    var snapshot = new org.paternoster.orders.Snapshot("g", receipts.size(), java.util.List.of(), receipts, served);
    var stale = new org.paternoster.view.View(1, "r9", "r8", "http://x", "http://y");
    String body = org.paternoster.replica.PeerJson.transfer(new org.paternoster.replica.Transfer(stale, 1, snapshot)).encode();
    assertThat(body.length()).isGreaterThan(16 * 1024);
    var r = post(backup, "/replication/transfer", body);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getString("status")).as("fenced: view 1 is stale").isEqualTo("REFUSED");
  }

  @Test
  void oversizedBodyAndUnknownPathsAreJsonErrors() {
    var big = post(primary, "/orders", "{\"id\":\"" + "x".repeat(20 * 1024) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    var unknown = post(primary, "/nope", "{}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isNotBlank();
  }
}
