package org.paternoster.system.chaos;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.paternoster.security.ClusterAuth;

/**
 * The runner's own HTTP client: every request leaves from {@link Topology#observer()}, the address
 * exempted from every network fault, so the observer keeps seeing a cut-off process.
 */
public final class Http implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final WebClient client;
  private final ClusterAuth auth;

  /** {@code auth}: the run's cluster secret; the runner presses buttons and injects faults as a member. */
  public Http(String localAddress, ClusterAuth auth) {
    this.client = WebClient.create(vertx, new WebClientOptions().setLocalAddress(localAddress).setConnectTimeout(500).setKeepAlive(true));
    this.auth = auth;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Future<HttpResponse<Buffer>> get(String url, long timeoutMs) {
    return client.getAbs(url).timeout(timeoutMs).send();
  }

  public Future<HttpResponse<Buffer>> post(String url, JsonObject body, long timeoutMs) {
    return auth.send(client.postAbs(url).timeout(timeoutMs), body.toBuffer());
  }

  /** Blocking POST (not on an event loop); the response, or null when the request failed. */
  public HttpResponse<Buffer> postNow(String url, JsonObject body, long timeoutMs) {
    try {
      return post(url, body, timeoutMs).await();
    } catch (Exception e) { // Future.await rethrows the failure as is
      return null;
    }
  }

  /** Blocking GET of a JSON object; null when the request failed or did not answer 200. */
  public JsonObject getJsonNow(String url, long timeoutMs) {
    try {
      HttpResponse<Buffer> r = get(url, timeoutMs).await();
      return r.statusCode() == 200 ? r.bodyAsJsonObject() : null;
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
