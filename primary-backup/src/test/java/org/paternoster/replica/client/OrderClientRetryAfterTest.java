package org.paternoster.replica.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.CabCall;

/** A client pushed back by an overloaded primary (503 with Retry-After) resends the same order to it, no sooner than asked. */
class OrderClientRetryAfterTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void anOverloadedPrimaryIsAskedAgainWithTheSameIdAfterItsRetryAfter() {
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    List<String> bodies = new CopyOnWriteArrayList<>();
    var server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      arrivals.add(System.nanoTime());
      bodies.add(body.toString());
      if (arrivals.size() == 1) {
        req.response().setStatusCode(503).putHeader("retry-after", "1")
            .end(new JsonObject().put("error", "overloaded: 8192 orders already wait for their commit").encode());
      } else {
        req.response().end(new CommitReceipt("o-1", 2, 2_000_001, 2_000_001, true, false).toJson().encode());
      }
    })).listen(0, "127.0.0.1").await();
    OrderClient client = new OrderClient(vertx, WebClient.create(vertx), () -> null, 500);
    client.learnPrimary(2, "p", "http://127.0.0.1:" + server.actualPort());

    CommitReceipt receipt = client.press("o-1", new CabCall("e1", 2), Long.MAX_VALUE).await();

    assertThat(receipt.id()).isEqualTo("o-1");
    assertThat(arrivals).hasSize(2);
    assertThat(bodies.get(1)).as("the same order, same id").isEqualTo(bodies.get(0));
    assertThat((arrivals.get(1) - arrivals.get(0)) / 1_000_000).as("ms between the attempts").isGreaterThanOrEqualTo(1_000);
  }
}
