package org.paternoster.replica.http;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paternoster.security.ClusterAuth;
import org.paternoster.testing.FreePorts;
import org.paternoster.time.LeaseClock;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.PingTiming;
import org.paternoster.view.ViewServiceVerticle;
import org.paternoster.view.ViewStore;

/**
 * A view service and two replicas (r1, r2) as verticles in one JVM, over real HTTP, returned once
 * the view naming both is acked: its {@code primary} and {@code backup} are from that one reading
 * (a second could see a later view on a busy machine). {@code deployments} maps each replica's
 * address to its deployment, for tests that stop one.
 */
record InJvmPair(WebClient http, String viewService, String primary, String backup, Map<String, String> deployments) {
  /** Replicas ping every {@code timing.intervalMs()}; everyone speaks with {@code auth}. */
  static InJvmPair start(Vertx vertx, PingTiming timing, ClusterAuth auth) {
    WebClient http = WebClient.create(vertx);
    int vsPort = FreePorts.pick();
    vertx.deployVerticle(new ViewServiceVerticle("127.0.0.1", vsPort, timing, ViewStore.inMemory(), new MonotonicClock()).authenticating(auth))
        .await();
    String vs = "http://127.0.0.1:" + vsPort;
    Map<String, String> deployments = new LinkedHashMap<>();
    for (String id : List.of("r1", "r2")) {
      int port = FreePorts.pick();
      ReplicaConfig config = ReplicaConfig.of(id, "127.0.0.1", port, 4, () -> vs, timing.intervalMs()).withAuth(auth);
      deployments.put("http://127.0.0.1:" + port, vertx.deployVerticle(new ReplicaVerticle(config, new LeaseClock())).await());
    }
    JsonObject view = await().atMost(Duration.ofSeconds(30)).until(() -> http.getAbs(vs + "/view").send().await().bodyAsJsonObject(),
        v -> v.getBoolean("acked") && v.getString("backup") != null);
    return new InJvmPair(http, vs, view.getString("primaryAddress"), view.getString("backupAddress"), deployments);
  }

  static InJvmPair start(Vertx vertx, PingTiming timing) {
    return start(vertx, timing, ClusterAuth.open());
  }

  /** What a refused or ignored input must not change at {@code replica}: its view, role, book and commit point. */
  List<Object> state(String replica) {
    JsonObject s = http.getAbs(replica + "/state").send().await().bodyAsJsonObject();
    return List.of(s.getJsonObject("view"), s.getString("role"), String.valueOf(s.getValue("generation")), s.getLong("lastSeq"),
        s.getLong("committedSeq"), s.getLong("pendingCalls"));
  }
}
