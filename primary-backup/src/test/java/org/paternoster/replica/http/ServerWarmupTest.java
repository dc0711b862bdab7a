package org.paternoster.replica.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.orders.CabCall;
import org.paternoster.replica.client.OrderClient;
import org.paternoster.security.ClusterAuth;
import org.paternoster.testing.FreePorts;
import org.paternoster.time.LeaseClock;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.PingTiming;
import org.paternoster.view.ViewServiceVerticle;
import org.paternoster.view.ViewStore;

/**
 * The start-up warm-up is harmless by construction (its messages name view 0, nobody's): sent to
 * a working primary and backup over real HTTP, every message is answered REFUSED, neither replica's
 * view or book moves, and the pair goes on committing.
 */
@ExtendWith(VertxExtension.class)
class ServerWarmupTest {
  /** What the warm-up must not change: the view, the book, the commit point. */
  private static final List<String> STATE = List.of("role", "view", "generation", "lastSeq", "committedSeq", "pendingCalls");

  @Test
  void everyWarmupMessageIsRefusedAndNeitherReplicaMoves(Vertx vertx) {
    WebClient http = WebClient.create(vertx);
    int vsPort = FreePorts.pick();
    vertx.deployVerticle(new ViewServiceVerticle("127.0.0.1", vsPort, new PingTiming(50, 8), ViewStore.inMemory(), new MonotonicClock())).await();
    String vs = "http://127.0.0.1:" + vsPort;
    for (String id : new String[] {"r1", "r2"}) {
      vertx.deployVerticle(new ReplicaVerticle(ReplicaConfig.of(id, "127.0.0.1", FreePorts.pick(), 4, () -> vs, 50), new LeaseClock())).await();
    }
    JsonObject view = await().atMost(Duration.ofSeconds(30)).until(() -> http.getAbs(vs + "/view").send().await().bodyAsJsonObject(),
        v -> v.getBoolean("acked") && v.getString("backup") != null);
    OrderClient orders = new OrderClient(vertx, http, () -> vs, 500, 50);
    orders.press("before", new CabCall("e1", 2), System.currentTimeMillis() + 5_000).await();
    List<String> replicas = List.of(view.getString("primaryAddress"), view.getString("backupAddress"));
    List<JsonObject> before = replicas.stream().map(r -> state(http, r)).toList();

    PeerLink link = new PeerLink(http, 1_000, ClusterAuth.open());
    for (String replica : replicas) {
      assertThat(ServerWarmup.run(link, replica).await()).as("refused by %s", replica).isEqualTo(2 * ServerWarmup.ROUNDS);
    }

    assertThat(replicas.stream().map(r -> state(http, r)).toList()).isEqualTo(before);
    assertThat(orders.press("after", new CabCall("e1", 3), System.currentTimeMillis() + 5_000).await().viewnum())
        .isEqualTo(view.getLong("viewnum"));
  }

  private static JsonObject state(WebClient http, String replica) {
    JsonObject all = http.getAbs(replica + "/state").send().await().bodyAsJsonObject();
    JsonObject kept = new JsonObject();
    STATE.forEach(k -> kept.put(k, all.getValue(k)));
    return kept;
  }
}
