package org.paternoster.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A Vert.x connection has <em>one</em> close handler, and the count of open connections owns
 * it: code that must hear a connection close (the view service's crash hint) asks {@link #onClose}, never {@code connection.closeHandler}, which would silently take
 * the count's place, so that every connection ever closed stayed counted as open until the server
 * refused everyone.
 */
public final class ServerLimits {
  public static final int MAX_CONNECTIONS = 4_096;
  /** Longer than any quiet spell of a live link (elevator links report every 100 ms, the dashboard's events refresh every second). */
  public static final int IDLE_TIMEOUT_S = 120;
  private static final Logger log = LoggerFactory.getLogger(ServerLimits.class);
  /** Close listeners of open connections of these servers; an entry leaves when its connection closes. */
  private static final Map<HttpConnection, List<Runnable>> LISTENERS = new ConcurrentHashMap<>();

  private final AtomicInteger open = new AtomicInteger();

  private ServerLimits() {}

  /** An HTTP server with these limits. */
  public static HttpServer server(Vertx vertx) {
    return counting().create(vertx);
  }

  /** These limits, keeping a count of open connections that {@link #openConnections} reads. */
  public static ServerLimits counting() {
    return new ServerLimits();
  }

  /** Connections of servers made by this instance that are open now. */
  public int openConnections() {
    return open.get();
  }

  /** A new HTTP server with these limits. */
  public HttpServer create(Vertx vertx) {
    HttpServerOptions options = new HttpServerOptions()
        .setIdleTimeout(IDLE_TIMEOUT_S).setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxInitialLineLength(2_048).setMaxHeaderSize(8_192);
    HttpServer server = vertx.createHttpServer(options);
    server.connectionHandler(connection -> {
      if (open.incrementAndGet() > MAX_CONNECTIONS) {
        log.warn("closing a connection from {}: {} open already", connection.remoteAddress(), MAX_CONNECTIONS);
        open.decrementAndGet();
        connection.close();
        return;
      }
      LISTENERS.put(connection, new ArrayList<>(1));
      connection.closeHandler(v -> {
        open.decrementAndGet();
        List<Runnable> listeners = LISTENERS.remove(connection);
        if (listeners != null) listeners.forEach(Runnable::run);
      });
    });
    return server;
  }

  /**
   * Runs {@code listener} on the connection's event loop once {@code connection}, a connection of
   * a server made here, closes. Call it on that event loop (from a request handler); a connection
   * already closed (or not made here) never calls it.
   */
  public static void onClose(HttpConnection connection, Runnable listener) {
    List<Runnable> listeners = LISTENERS.get(connection);
    if (listeners != null) listeners.add(listener);
  }
}
