package org.paternoster.dashboard.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Server-Sent Events client for {@code GET /api/events}: collects every {@code data:} event as JSON. */
public final class EventStream implements AutoCloseable {
  private final HttpClient client;
  private final HttpClientResponse response;
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private final StringBuilder pending = new StringBuilder();

  private EventStream(HttpClient client, HttpClientResponse response) {
    this.client = client;
    this.response = response;
    response.handler(chunk -> onChunk(chunk.toString()));
  }

  public static EventStream open(Vertx vertx, int port) {
    HttpClient client = vertx.createHttpClient();
    HttpClientResponse response = client.request(HttpMethod.GET, port, "127.0.0.1", "/api/events")
        .compose(request -> request.send()).await();
    return new EventStream(client, response);
  }

  public HttpClientResponse response() {
    return response;
  }

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
        if (line.startsWith("data: ")) events.add(new JsonObject(line.substring(6)));
      }
    }
  }

  @Override
  public void close() {
    client.close().await();
  }
}
