package org.paternoster.dashboard.support;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import org.paternoster.discovery.ViewServiceLocator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.paternoster.dashboard.DashboardConfig;
import org.paternoster.dashboard.web.DashboardVerticle;

/** A dashboard deployed in the test's Vert.x on a free port, with blocking helpers for its API. */
public final class DashboardUnderTest {
  /** {@code scripts/kill-primary.sh} of this checkout (tests run in the module directory). */
  public static final Path KILL_SCRIPT = Path.of("..", "scripts", "kill-primary.sh").toAbsolutePath().normalize();
  public static final long POLL_MS = 100;
  public static final String CONTROL_TOKEN = "test-control-token-0123456789";

  private final WebClient http;
  private final int port;

  private DashboardUnderTest(WebClient http, int port) {
    this.http = http;
    this.port = port;
  }

  public static DashboardUnderTest start(Vertx vertx, String viewServiceUrl, boolean control) {
    DashboardConfig config = new DashboardConfig("127.0.0.1", 0, ViewServiceLocator.fixed(viewServiceUrl), control, InJvmCluster.FLOORS,
        POLL_MS, 1_000, 1_000, KILL_SCRIPT, CONTROL_TOKEN, org.paternoster.security.ClusterAuth.open());
    DashboardVerticle verticle = new DashboardVerticle(config);
    vertx.deployVerticle(verticle).await();
    return new DashboardUnderTest(WebClient.create(vertx), verticle.actualPort());
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/#token=" + CONTROL_TOKEN;
  }

  public HttpResponse<Buffer> get(String path) {
    return http.get(port, "127.0.0.1", path).send().await();
  }

  public HttpResponse<Buffer> post(String path, String body) {
    return post(path, body, CONTROL_TOKEN);
  }

  /** A POST carrying {@code token} as the control token (null: none). */
  public HttpResponse<Buffer> post(String path, String body, String token) {
    var request = http.post(port, "127.0.0.1", path).putHeader("content-type", "application/json");
    if (token != null) request.putHeader("authorization", "Bearer " + token);
    return request.sendBuffer(Buffer.buffer(body)).await();
  }

  public JsonObject snapshot() {
    return get("/api/snapshot").bodyAsJsonObject();
  }

  /** Polls {@code GET /api/snapshot} until {@code until} holds; returns that snapshot. */
  public JsonObject awaitSnapshot(String why, Predicate<JsonObject> until) {
    JsonObject[] found = new JsonObject[1];
    await(why).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(POLL_MS)).until(() -> {
      found[0] = snapshot();
      return until.test(found[0]);
    });
    return found[0];
  }
}
