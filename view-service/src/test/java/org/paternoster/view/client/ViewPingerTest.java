package org.paternoster.view.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.testing.FreePorts;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.PingTiming;
import org.paternoster.view.View;
import org.paternoster.view.ViewServiceVerticle;
import org.paternoster.view.ViewStore;

@ExtendWith(VertxExtension.class)
class ViewPingerTest {
  static final PingTiming TIMING = new PingTiming(20, 10);

  /** A trivial replica: reports the latest view it was given, so it acks at once. */
  final class Replica {
    final AtomicLong holds = new AtomicLong();
    final List<View> delivered = new CopyOnWriteArrayList<>();
    final List<Boolean> onOwnerContext = new CopyOnWriteArrayList<>();
    ViewPinger pinger;

    Replica(Vertx vertx, String id, String viewServiceUrl) {
      Context owner = vertx.getOrCreateContext();
      owner.runOnContext(v -> {
        pinger = new ViewPinger(vertx, WebClient.create(vertx), () -> viewServiceUrl, id, "http://" + id,
            TIMING.intervalMs(), holds::get, view -> {
              onOwnerContext.add(Vertx.currentContext() == owner);
              delivered.add(view);
              holds.set(view.viewnum());
            });
        pinger.start();
      });
      await().until(() -> pinger != null);
    }
  }

  ViewServiceVerticle deploy(Vertx vertx, int port) {
    ViewServiceVerticle verticle = new ViewServiceVerticle("127.0.0.1", port, TIMING, ViewStore.inMemory(), new MonotonicClock());
    vertx.deployVerticle(verticle).await();
    return verticle;
  }

  @Test
  void deliversEachNewerViewOnceOnTheOwnersContext(Vertx vertx) {
    String url = "http://127.0.0.1:" + deploy(vertx, 0).actualPort();
    Replica a = new Replica(vertx, "a", url);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.pinger.lastView().viewnum() == 1);
    Replica b = new Replica(vertx, "b", url);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.pinger.lastView().viewnum() == 2 && b.pinger.lastView().viewnum() == 2);
    assertThat(a.delivered).extracting(View::viewnum).containsExactly(1L, 2L);
    assertThat(b.delivered).containsExactly(new View(2, "a", "b", "http://a", "http://b"));
    assertThat(a.onOwnerContext).containsOnly(true);
    assertThat(a.pinger.lastAnsweredPingNanos()).isPresent();
  }

  @Test
  void keepsPingingThroughAViewServiceOutage(Vertx vertx) {
    int port = FreePorts.pick();
    Replica a = new Replica(vertx, "a", "http://127.0.0.1:" + port);
    await().during(Duration.ofMillis(5 * TIMING.intervalMs())).until(() -> a.pinger.lastAnsweredPingNanos().isEmpty());
    deploy(vertx, port);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.pinger.lastView().viewnum() == 1);
    assertThat(a.delivered).extracting(View::primary).containsExactly("a");
  }
}
