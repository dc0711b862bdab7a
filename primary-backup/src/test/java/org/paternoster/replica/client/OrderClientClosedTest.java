package org.paternoster.replica.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.CabCall;

/** An order whose client is closed under it (a process shutting down) fails its future; nothing escapes as an unhandled exception. */
class OrderClientClosedTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void anOrderSentThroughAClosedClientFailsItsFuture() {
    WebClient http = WebClient.create(vertx);
    OrderClient client = new OrderClient(vertx, http, () -> null, 500);
    client.learnPrimary(2, "p", "http://127.0.0.1:1");
    http.close();
    assertThatThrownBy(() -> client.press("c-1", new CabCall("e1", 1), Long.MAX_VALUE).await())
        .hasMessageContaining("the client was closed");
  }
}
