package org.paternoster.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A client of a {@link ServerSentEvents} stream: every {@code data:} event as JSON, either kept in
 * {@link #events()} ({@link #open}, for tests) or handed to a listener on the client's event loop
 * as it arrives and then dropped ({@link #watch}, for benchmarks that run long). For code that
 * watches a process instead of polling it.
 */
public final class EventStreamClient implements AutoCloseable {
  private final HttpClient client;
  private final HttpClientResponse response;
  private final Consumer<JsonObject> listener;
  private final List<JsonObject> events;
  private final StringBuilder pending = new StringBuilder();

  private EventStreamClient(HttpClient client, HttpClientResponse response, List<JsonObject> events,
      Consumer<JsonObject> listener) {
    this.client = client;
    this.response = response;
    this.events = events;
    this.listener = listener;
    response.handler(chunk -> onChunk(chunk.toString()));
  }

  /** Opens {@code GET path} on 127.0.0.1:{@code port} and keeps every event in {@link #events()}. */
  public static Future<EventStreamClient> open(Vertx vertx, int port, String path) {
    List<JsonObject> kept = new CopyOnWriteArrayList<>();
    return connect(vertx, port, path, kept, kept::add);
  }

  /** Opens {@code GET path} on 127.0.0.1:{@code port}; {@code listener} sees each event, none is kept. */
  public static Future<EventStreamClient> watch(Vertx vertx, int port, String path, Consumer<JsonObject> listener) {
    return connect(vertx, port, path, List.of(), listener);
  }

  private static Future<EventStreamClient> connect(Vertx vertx, int port, String path, List<JsonObject> kept,
      Consumer<JsonObject> listener) {
    HttpClient client = vertx.createHttpClient();
    return client.request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(request -> request.send())
        .map(response -> new EventStreamClient(client, response, kept, listener))
        .onFailure(e -> client.close());
  }

  public HttpClientResponse response() {
    return response;
  }

  /** Every event so far, oldest first (empty for {@link #watch}). */
  public List<JsonObject> events() {
    return List.copyOf(events);
  }

  /** Events are separated by a blank line; a chunk may hold several or part of one. */
  private synchronized void onChunk(String text) {
    pending.append(text);
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String event = pending.substring(0, end);
      pending.delete(0, end + 2);
      for (String line : event.split("\n")) {
        if (line.startsWith("data: ")) {
          listener.accept(new JsonObject(line.substring(6)));
        }
      }
    }
  }

  @Override
  public void close() {
    client.close().await();
  }
}
