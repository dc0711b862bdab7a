package org.paternoster.elevator.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.http.EventStreamClient;
import org.paternoster.testing.FreePorts;

/**
 * {@code GET /lights/events}: a watcher gets the panels' lamps at once and every change pushed, so
 * benchmarks and panels need not poll {@code /state}. Runs a real node on the built-in simulator
 * with no primary reachable: offline, a cab press lights its lamp at once (invariant 7).
 */
@ExtendWith(VertxExtension.class)
class LightEventsTest {
  @Test
  void aWatcherSeesTheLampsAtOnceAndThenTheCabLampAPressLit(Vertx vertx) {
    int port = FreePorts.pick();
    NodeConfig config = NodeConfig.simulated("e1", "127.0.0.1", port, 4, 1, () -> "http://127.0.0.1:1", null);
    vertx.deployVerticle(new NodeVerticle(config)).await();
    try (EventStreamClient stream = EventStreamClient.open(vertx, port, "/lights/events").await()) {
      assertThat(stream.response().getHeader("content-type")).startsWith("text/event-stream");
      await("the lamps at once").atMost(Duration.ofSeconds(5)).until(() -> !stream.events().isEmpty());
      JsonObject first = stream.events().get(0);
      assertThat(first.getJsonArray("cab")).containsExactly(false, false, false, false);
      assertThat(first.getJsonArray("hall")).hasSize(4);

      int floor = farFromTheCar(vertx, port);
      WebClient.create(vertx).post(port, "127.0.0.1", "/buttons")
          .sendJsonObject(new JsonObject().put("type", "cab").put("floor", floor)).await();
      await("the cab lamp pushed").atMost(Duration.ofSeconds(5)).until(() -> stream.events().stream()
          .anyMatch(e -> e.getJsonArray("cab").getBoolean(floor)));
      JsonArray stateCab = WebClient.create(vertx).get(port, "127.0.0.1", "/state").send().await()
          .bodyAsJsonObject().getJsonObject("lights").getJsonArray("cab");
      assertThat(stateCab.getBoolean(floor)).as("/state agrees with the stream").isTrue();
    }
  }

  /** A floor two or more away from the car, so the car cannot serve the call before its lamp shows. */
  private static int farFromTheCar(Vertx vertx, int port) {
    // "floor" is null until the car has passed a floor sensor; then it may be anywhere.
    Integer car = WebClient.create(vertx).get(port, "127.0.0.1", "/state").send().await().bodyAsJsonObject().getInteger("floor");
    return car != null && car >= 2 ? 0 : 3;
  }
}
