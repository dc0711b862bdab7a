package org.paternoster.replica.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.Direction;
import org.paternoster.replica.client.OrderClient;
import org.paternoster.security.ClusterAuth;
import org.paternoster.security.ClusterSecret;
import org.paternoster.security.MessageAuthenticator;
import org.paternoster.view.PingTiming;

/**
 * A cluster with a secret, over real HTTP in one JVM: its members sign and form views and commit;
 * a stranger (no secret, or another cluster's) can neither ping, nor commit, nor forward, nor
 * transfer a book, and the members' state does not move.
 */
@ExtendWith(VertxExtension.class)
class ClusterSecretTest {
  private static final ClusterAuth MEMBER = ClusterAuth.of(ClusterSecret.of("members-secret-".repeat(3)), System::currentTimeMillis);
  private static final ClusterAuth STRANGER = ClusterAuth.of(ClusterSecret.of("another-secret-".repeat(3)), System::currentTimeMillis);
  WebClient http;
  String vs;
  String primary;
  String backup;

  @BeforeEach
  void cluster(Vertx vertx) {
    InJvmPair pair = InJvmPair.start(vertx, new PingTiming(50, 8), MEMBER);
    http = pair.http();
    vs = pair.viewService();
    primary = pair.primary();
    backup = pair.backup();
  }

  @Test
  void membersCommitAndStrangersChangeNothing(Vertx vertx) {
    HallCall call = new HallCall(2, Direction.UP);
    var member = new OrderClient(vertx, http, () -> vs, 500, 50, MEMBER);
    assertThat(member.press("member-1", call, System.currentTimeMillis() + 5_000).await().viewnum()).isPositive();
    JsonObject before = state(primary);

    var stranger = new OrderClient(vertx, http, () -> vs, 500, 50, STRANGER);
    assertThatThrownBy(() -> stranger.press("stranger-1", new HallCall(1, Direction.UP), System.currentTimeMillis() + 1_000).await())
        .hasMessageContaining("deadline");
    var unsigned = new OrderClient(vertx, http, () -> vs, 500, 50);
    assertThatThrownBy(() -> unsigned.press("unsigned-1", new HallCall(1, Direction.UP), System.currentTimeMillis() + 1_000).await())
        .hasMessageContaining("deadline");

    String forward = "{\"view\":{\"viewnum\":99,\"primary\":\"x\",\"backup\":\"r2\"},\"attempt\":1,\"ops\":[]}";
    for (String[] target : new String[][] {{primary, "/orders"}, {backup, "/replication/forward"}, {backup, "/replication/transfer"},
        {primary, "/replication/handover"}, {vs, "/ping"}}) {
      var r = http.postAbs(target[0] + target[1]).sendBuffer(Buffer.buffer(forward)).await();
      assertThat(r.statusCode()).as(target[1]).isEqualTo(401);
      assertThat(r.bodyAsJsonObject().getString("error")).as(target[1]).contains(MessageAuthenticator.HEADER);
    }
    JsonObject after = state(primary);
    assertThat(after.getLong("lastSeq")).isEqualTo(before.getLong("lastSeq"));
    assertThat(after.getInteger("pendingCalls")).isEqualTo(before.getInteger("pendingCalls"));
    assertThat(state(backup).getLong("lastSeq")).isEqualTo(before.getLong("lastSeq"));
    assertThat(http.getAbs(vs + "/servers").send().await().bodyAsJsonArray().size()).as("no stranger became a server").isEqualTo(2);
  }

  @Test
  void anElevatorLinksOnlyWithASignedUpgradeAndOnlySealedFramesCount(Vertx vertx) throws Exception {
    var ws = vertx.createWebSocketClient();
    String uri = "/elevators/link";
    var unsigned = new io.vertx.core.http.WebSocketConnectOptions().setAbsoluteURI(primary.replaceFirst("^http", "ws") + uri);
    assertThatThrownBy(() -> ws.connect(unsigned).await()).hasMessageContaining("401");

    ClusterAuth.Upgrade upgrade = MEMBER.signUpgrade(uri);
    var signed = new io.vertx.core.http.WebSocketConnectOptions().setAbsoluteURI(primary.replaceFirst("^http", "ws") + uri)
        .addHeader(MessageAuthenticator.HEADER, upgrade.header());
    var link = ws.connect(signed).await();
    var pushes = new java.util.concurrent.atomic.AtomicInteger();
    link.textMessageHandler(frame -> upgrade.seal().open(frame).ifPresent(text -> pushes.incrementAndGet()));
    var report = new org.paternoster.replica.elevators.ElevatorReport("e7", null, 0, org.paternoster.assign.Behaviour.IDLE,
        org.paternoster.assign.MotorDirection.STOP, true, null, false, 0);
    link.writeTextMessage(upgrade.seal().seal(report.toJson().encode())).await();
    await().atMost(Duration.ofSeconds(10)).until(() -> state(primary).getJsonArray("elevators").size() == 1 && pushes.get() > 0);

    var closed = io.vertx.core.Promise.<Void>promise();
    link.closeHandler(v -> closed.tryComplete());
    link.writeTextMessage(report.toJson().put("id", "e8").encode()).await(); // not sealed
    closed.future().await(10, java.util.concurrent.TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> state(primary).getJsonArray("elevators").stream()
        .noneMatch(e -> "e8".equals(((JsonObject) e).getString("id"))));
  }

  private JsonObject state(String replica) {
    return http.getAbs(replica + "/state").send().await().bodyAsJsonObject();
  }
}
