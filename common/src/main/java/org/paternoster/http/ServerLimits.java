package org.paternoster.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What any one Paternoster HTTP server will hold open, so that many or slow clients cannot starve
 * it: at most {@link #MAX_CONNECTIONS} connections (more are closed at once: the excess is pushed
 * back, not queued on the heap), a connection silent for {@link #IDLE_TIMEOUT_S} is closed (a slow
 * or stuck client holds nothing for long), and request lines and headers are short. Bodies are
 * capped by {@link JsonHttp#router}; work per request is done without blocking on the event loop.
 */
public final class ServerLimits {
  public static final int MAX_CONNECTIONS = 4_096;
  /** Longer than any quiet spell of a live link (elevator links report every 100 ms, the dashboard's events refresh every second). */
  public static final int IDLE_TIMEOUT_S = 120;
  private static final Logger log = LoggerFactory.getLogger(ServerLimits.class);

  private ServerLimits() {}

  /** An HTTP server with these limits. */
  public static HttpServer server(Vertx vertx) {
    HttpServerOptions options = new HttpServerOptions()
        .setIdleTimeout(IDLE_TIMEOUT_S).setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxInitialLineLength(2_048).setMaxHeaderSize(8_192);
    HttpServer server = vertx.createHttpServer(options);
    AtomicInteger open = new AtomicInteger();
    server.connectionHandler(connection -> {
      if (open.incrementAndGet() > MAX_CONNECTIONS) {
        log.warn("closing a connection from {}: {} open already", connection.remoteAddress(), MAX_CONNECTIONS);
        open.decrementAndGet();
        connection.close();
        return;
      }
      connection.closeHandler(v -> open.decrementAndGet());
    });
    return server;
  }
}
