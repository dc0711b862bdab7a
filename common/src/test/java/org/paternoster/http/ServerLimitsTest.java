package org.paternoster.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The count of open connections, and close listeners that do not take its place. */
@ExtendWith(VertxExtension.class)
class ServerLimitsTest {
  @Test
  void aClosedConnectionLeavesTheCountAndCallsEveryCloseListener(Vertx vertx) {
    ServerLimits limits = ServerLimits.counting();
    AtomicInteger heard = new AtomicInteger();
    HttpServer server = limits.create(vertx).requestHandler(request -> {
      ServerLimits.onClose(request.connection(), heard::incrementAndGet);
      ServerLimits.onClose(request.connection(), heard::incrementAndGet);
      request.response().end("ok");
    }).listen(0, "127.0.0.1").await();
    WebClient client = WebClient.create(vertx);
    assertThat(client.get(server.actualPort(), "127.0.0.1", "/").send().await().bodyAsString()).isEqualTo("ok");
    assertThat(limits.openConnections()).isEqualTo(1);
    client.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> limits.openConnections() == 0);
    await().atMost(Duration.ofSeconds(5)).until(() -> heard.get() == 2);
  }
}
