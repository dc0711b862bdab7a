package org.paternoster.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/**
 * One benchmark client's own HTTP connection, opened on first use and again after it closed or the
 * address changed (the primary moved). A connection per client, as Redis's clients have: the server
 * sees every client, and no client searches a shared pool (Vert.x's pool scans its connections on
 * every request: at 2,048 that cost the load generator 44 % of its CPU, taken from the machine the
 * servers share). The agent should pool one connection per address ({@code setHttp1MaxSize(1)}).
 */
final class OwnConnection {
  record Answer(int status, String retryAfter, Buffer body) {}

  private final HttpClientAgent agent;
  private Future<HttpClientConnection> connection;
  private String to;

  OwnConnection(HttpClientAgent agent) {
    this.agent = agent;
  }

  /** POSTs a JSON {@code body} to {@code path} at {@code address} (an http URL); completes with the whole answer. */
  Future<Answer> post(String address, String path, Buffer body) {
    if (connection == null || !address.equals(to) || connection.failed()) {
      URI uri = URI.create(address);
      to = address;
      Future<HttpClientConnection> opened = agent.connect(new HttpConnectOptions().setHost(uri.getHost()).setPort(uri.getPort()));
      connection = opened;
      opened.onSuccess(c -> c.closeHandler(v -> {
        if (connection == opened) connection = null;
      }));
    }
    return connection.compose(c -> c.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")))
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), resp.getHeader("retry-after"), b)));
  }
}
