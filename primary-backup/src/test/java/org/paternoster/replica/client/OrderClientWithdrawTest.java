package org.paternoster.replica.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.Direction;

/** A press being resent stops at the next attempt once its caller withdraws it. */
class OrderClientWithdrawTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aWithdrawnPressIsNotSentAgainAndFailsWithOrderWithdrawn() {
    AtomicInteger lookups = new AtomicInteger();
    AtomicBoolean withdrawn = new AtomicBoolean();
    // No view service anywhere: every attempt fails and is retried, until withdrawn.
    OrderClient client = new OrderClient(vertx, WebClient.create(vertx), () -> {
      if (lookups.incrementAndGet() == 3) withdrawn.set(true);
      return null;
    }, 100);
    var press = client.press("w-1", new HallCall(3, Direction.DOWN), Long.MAX_VALUE, withdrawn::get);
    assertThatThrownBy(press::await).isInstanceOf(OrderWithdrawn.class);
    assertThat(lookups.get()).as("no attempt after the withdrawal").isEqualTo(3);
  }
}
