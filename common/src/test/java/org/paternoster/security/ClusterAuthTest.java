package org.paternoster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paternoster.http.JsonHttp;

/** Real HTTP on loopback: a member's server with the secret, clients with, without or with another one. */
class ClusterAuthTest {
  private static final ClusterSecret SECRET = ClusterSecret.of("cluster-secret-".repeat(3));
  private final Vertx vertx = Vertx.vertx();
  private final WebClient http = WebClient.create(vertx);
  private final AtomicInteger changes = new AtomicInteger();
  private final ClusterAuth member = ClusterAuth.of(SECRET, System::currentTimeMillis);
  private int port;

  @BeforeEach
  void start() {
    port = serve(member);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private int serve(ClusterAuth auth) {
    Router router = JsonHttp.router(vertx, 4096, auth);
    router.post("/change").handler(ctx -> JsonHttp.ok(ctx, new io.vertx.core.json.JsonObject().put("changes", changes.incrementAndGet())));
    router.get("/view").handler(ctx -> JsonHttp.ok(ctx, new io.vertx.core.json.JsonObject().put("changes", changes.get())));
    HttpServer server = vertx.createHttpServer()
        .webSocketHandshakeHandler(h -> auth.accept(h))
        .webSocketHandler(ws -> ws.writeTextMessage("hello"))
        .requestHandler(router);
    return server.listen(0, "127.0.0.1").await().actualPort();
  }

  @Test
  void aMemberChangesStateAndBelievesTheAnswer() {
    var r = member.send(http.postAbs(url("/change")), Buffer.buffer("{}")).await();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getInteger("changes")).isEqualTo(1);
    var read = member.send(http.getAbs(url("/view?x=1")), null).await();
    assertThat(read.bodyAsJsonObject().getInteger("changes")).isEqualTo(1);
  }

  @Test
  void aStrangerGets401AndChangesNothingButMayRead() {
    var unsigned = http.postAbs(url("/change")).sendBuffer(Buffer.buffer("{}")).await();
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.bodyAsJsonObject().getString("error")).contains("missing");
    var stranger = ClusterAuth.of(ClusterSecret.of("another-secret-".repeat(3)), System::currentTimeMillis);
    assertThatThrownBy(() -> stranger.send(http.postAbs(url("/change")), Buffer.buffer("{}")).await())
        .isInstanceOf(ClusterAuth.UnauthenticatedAnswer.class);
    assertThat(changes).hasValue(0);
    assertThat(http.getAbs(url("/view")).send().await().statusCode()).as("read-only views stay open").isEqualTo(200);
  }

  @Test
  void aStrangerOverItsAllowanceGets429WhileMembersGoOn() {
    long frozen = System.currentTimeMillis(); // no refill while the test runs
    ClusterAuth server = ClusterAuth.of(SECRET, () -> frozen);
    ClusterAuth client = ClusterAuth.of(SECRET, () -> frozen);
    int limitedPort = serve(server);
    String change = "http://127.0.0.1:" + limitedPort + "/change";
    int limited = 0;
    for (int i = 0; i < ClusterAuth.STRANGER_BURST + 50; i++) {
      var r = http.postAbs(change).sendBuffer(Buffer.buffer("{}")).await();
      if (r.statusCode() == 429) {
        limited++;
        assertThat(r.getHeader("retry-after")).isNotBlank();
        assertThat(r.bodyAsJsonObject().getString("error")).contains("too many");
      } else {
        assertThat(r.statusCode()).isEqualTo(401);
      }
    }
    assertThat(limited).as("requests beyond the burst").isEqualTo(50);
    assertThat(http.getAbs("http://127.0.0.1:" + limitedPort + "/view").send().await().statusCode()).as("unsigned reads count too").isEqualTo(429);
    assertThat(client.send(http.postAbs(change), Buffer.buffer("{}")).await().statusCode()).as("a member is not counted").isEqualTo(200);
    assertThat(changes).hasValue(1);
  }

  @Test
  void aReplayedRequestIsRefused() {
    var auth = new MessageAuthenticator(SECRET, System::currentTimeMillis, MessageAuthenticator.DEFAULT_WINDOW_MS);
    var signed = auth.signRequest("POST", "/change", "{}".getBytes());
    for (int i = 0; i < 2; i++) {
      http.postAbs(url("/change")).putHeader(MessageAuthenticator.HEADER, signed.header()).sendBuffer(Buffer.buffer("{}")).await();
    }
    assertThat(changes).hasValue(1);
  }

  @Test
  void anAnswerFromAServerWithoutTheSecretIsNotBelieved() {
    int impostor = serve(ClusterAuth.open());
    assertThatThrownBy(() -> member.send(http.getAbs("http://127.0.0.1:" + impostor + "/view"), null).await())
        .isInstanceOf(ClusterAuth.UnauthenticatedAnswer.class);
  }

  @Test
  void aWebSocketUpgradeMustBeSigned() {
    WebSocketClient ws = vertx.createWebSocketClient();
    var signed = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/elevators")
        .addHeader(MessageAuthenticator.HEADER, member.signUpgrade("/elevators").header());
    assertThat(ws.connect(signed).await().isClosed()).isFalse();
    var unsigned = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/elevators");
    assertThatThrownBy(() -> ws.connect(unsigned).await()).hasMessageContaining("401");
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
