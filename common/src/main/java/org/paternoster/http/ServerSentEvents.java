package org.paternoster.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A Server-Sent Events stream of JSON documents, one {@code data:} line per event. A new
 * subscriber gets the current document at once, then every published one. Each event is complete
 * on its own, so a subscriber too slow to take one skips it and gets the next: a slow reader never
 * grows this process's heap. Must be used on one event loop (the verticle's).
 */
public final class ServerSentEvents {
  /** How long a browser waits before reconnecting after the stream broke. */
  private static final long RETRY_MS = 1_000;
  private final Set<HttpServerResponse> subscribers = new LinkedHashSet<>();

  public void subscribe(RoutingContext ctx, JsonObject current) {
    HttpServerResponse response = ctx.response();
    response.setChunked(true)
        .putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .putHeader("x-accel-buffering", "no");
    response.closeHandler(v -> subscribers.remove(response));
    response.exceptionHandler(e -> subscribers.remove(response));
    subscribers.add(response);
    response.write("retry: " + RETRY_MS + "\n\n");
    response.write(event(current));
  }

  /**
   * Sends the document to every subscriber that can take it now; {@code document} is not called
   * when nobody listens, so an unwatched stream costs nothing.
   */
  public void publish(Supplier<JsonObject> document) {
    if (subscribers.isEmpty()) return;
    String event = event(document.get());
    for (HttpServerResponse r : Set.copyOf(subscribers)) {
      if (r.closed() || r.ended()) subscribers.remove(r);
      else if (!r.writeQueueFull()) r.write(event);
    }
  }

  public int subscribers() {
    return subscribers.size();
  }

  /** Ends every stream, so the server can close. */
  public void closeAll() {
    subscribers.forEach(r -> {
      if (!r.ended() && !r.closed()) r.end();
    });
    subscribers.clear();
  }

  private static String event(JsonObject document) {
    return "data: " + document.encode() + "\n\n";
  }
}
