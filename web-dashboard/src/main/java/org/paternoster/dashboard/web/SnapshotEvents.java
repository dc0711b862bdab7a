package org.paternoster.dashboard.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;
import org.paternoster.dashboard.cluster.ClusterSnapshot;
import org.paternoster.dashboard.json.SnapshotJson;

/**
 * {@code GET /api/events}: a Server-Sent Events stream of snapshots, one {@code data:} line of
 * JSON per event. A new subscriber gets the latest snapshot at once, then every published one.
 * A browser too slow to take an event skips it and gets the next (each event is complete on its
 * own). Must be used on the verticle's event loop.
 */
final class SnapshotEvents {
  /** How long the browser waits before reconnecting after the stream broke. */
  private static final long RETRY_MS = 1_000;
  private final Set<HttpServerResponse> subscribers = new LinkedHashSet<>();

  void subscribe(RoutingContext ctx, ClusterSnapshot latest) {
    HttpServerResponse response = ctx.response();
    response.setChunked(true)
        .putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .putHeader("x-accel-buffering", "no");
    response.closeHandler(v -> subscribers.remove(response));
    response.exceptionHandler(e -> subscribers.remove(response));
    subscribers.add(response);
    response.write("retry: " + RETRY_MS + "\n\n");
    response.write(event(latest));
  }

  void publish(ClusterSnapshot snapshot) {
    if (subscribers.isEmpty()) return;
    String event = event(snapshot);
    for (HttpServerResponse r : Set.copyOf(subscribers)) {
      if (r.closed() || r.ended()) subscribers.remove(r);
      else if (!r.writeQueueFull()) r.write(event);
    }
  }

  int subscribers() {
    return subscribers.size();
  }

  /** Ends every stream, so the server can close. */
  void closeAll() {
    subscribers.forEach(r -> {
      if (!r.ended() && !r.closed()) r.end();
    });
    subscribers.clear();
  }

  private static String event(ClusterSnapshot snapshot) {
    return "data: " + SnapshotJson.toJson(snapshot).encode() + "\n\n";
  }
}
