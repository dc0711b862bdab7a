package org.paternoster.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ServerSentEvents} over real TCP: a reader that stops reading is skipped, not buffered for
 * (the publishing process's heap stays bounded), and what it does get is whole events; a reader
 * that goes away is forgotten.
 */
@ExtendWith(VertxExtension.class)
class ServerSentEventsTest {
  private static final int PUBLISHED = 1_000;
  /** 1,000 events of 64 KiB: 64 MiB, far beyond what the socket buffers and the write queue hold. */
  private static final String PADDING = "x".repeat(64 * 1024);

  @Test
  void aReaderThatStopsReadingSkipsEventsAndGetsWholeOnesAfterwards(Vertx vertx) {
    Context loop = vertx.getOrCreateContext(); // the publisher's one event loop
    ServerSentEvents events = new ServerSentEvents();
    int port = onLoop(loop, () -> serve(vertx, events)).compose(listening -> listening).await();

    EventStreamClient stream = EventStreamClient.open(vertx, port, "/events").await();
    await("the current document").atMost(Duration.ofSeconds(5)).until(() -> !stream.events().isEmpty());
    stream.response().pause(); // stops reading: the socket buffers fill, then the write queue

    onLoop(loop, () -> {
      for (int n = 0; n < PUBLISHED; n++) {
        int i = n;
        events.publish(() -> new JsonObject().put("n", i).put("padding", PADDING));
      }
      return null;
    }).await();
    stream.response().resume();
    // Published again until it arrives: while the reader catches up, the queue is still full.
    await("an event published once the reader caught up").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> {
          onLoop(loop, () -> {
            events.publish(() -> new JsonObject().put("n", "last"));
            return null;
          }).await();
          return stream.events().stream().anyMatch(d -> "last".equals(d.getValue("n")));
        });
    List<JsonObject> documents = stream.events();
    long numbered = documents.stream().filter(d -> d.getValue("n") instanceof Integer).count();
    assertThat(numbered).as("events skipped while the reader did not read").isLessThan(PUBLISHED).isPositive();
    assertThat(documents).as("every event arrived whole").allMatch(d -> d.containsKey("n"));

    stream.close();
    await("a reader that went away is forgotten").atMost(Duration.ofSeconds(5))
        .until(() -> onLoop(loop, events::subscribers).await() == 0);
  }

  private static Future<Integer> serve(Vertx vertx, ServerSentEvents events) {
    Router router = Router.router(vertx);
    router.get("/events").handler(ctx -> events.subscribe(ctx, new JsonObject().put("n", "current")));
    HttpServer server = vertx.createHttpServer().requestHandler(router);
    return server.listen(0, "127.0.0.1").map(HttpServer::actualPort);
  }

  /** Runs {@code work} on {@code loop}, where every use of one {@link ServerSentEvents} must be. */
  private static <T> Future<T> onLoop(Context loop, java.util.function.Supplier<T> work) {
    Promise<T> done = Promise.promise();
    loop.runOnContext(v -> {
      try {
        done.complete(work.get());
      } catch (RuntimeException e) {
        done.fail(e);
      }
    });
    return done.future();
  }
}
