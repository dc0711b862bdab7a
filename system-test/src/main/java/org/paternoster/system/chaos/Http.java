package org.paternoster.system.chaos;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The runner's own HTTP client: every request leaves from {@link Topology#observer()}, the address
 * exempted from every network fault, so the observer keeps seeing a cut-off process.
 */
public final class Http implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final WebClient client;

  public Http(String localAddress) {
    client = WebClient.create(vertx, new WebClientOptions().setLocalAddress(localAddress).setConnectTimeout(500).setKeepAlive(true));
  }

  public Vertx vertx() {
    return vertx;
  }

  public Future<HttpResponse<Buffer>> get(String url, long timeoutMs) {
    return client.getAbs(url).timeout(timeoutMs).send();
  }

  public Future<HttpResponse<Buffer>> post(String url, JsonObject body, long timeoutMs) {
    return client.postAbs(url).timeout(timeoutMs).sendJsonObject(body);
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
