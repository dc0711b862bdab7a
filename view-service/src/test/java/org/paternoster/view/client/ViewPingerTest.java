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
    final List<Long> leases = new CopyOnWriteArrayList<>();
    final AtomicLong answers = new AtomicLong();
    ViewPinger pinger;

    Replica(Vertx vertx, String id, String viewServiceUrl) {
      this(vertx, id, viewServiceUrl, id + "-1");
    }

    Replica(Vertx vertx, String id, String viewServiceUrl, String incarnation) {
      Context owner = vertx.getOrCreateContext();
      MonotonicClock clock = new MonotonicClock();
      owner.runOnContext(v -> {
        pinger = new ViewPinger(vertx, WebClient.create(vertx), () -> viewServiceUrl, id, incarnation, "http://" + id,
            TIMING.intervalMs(), clock, holds::get, (answer, sentAt) -> {
              onOwnerContext.add(Vertx.currentContext() == owner);
              assertThat(sentAt).isLessThanOrEqualTo(clock.getAsLong());
              answers.incrementAndGet();
              leases.add(answer.leaseMs());
              if (answer.view().viewnum() > holds.get()) delivered.add(answer.view());
              holds.set(answer.view().viewnum());
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
    ViewServiceClient observer = new ViewServiceClient(WebClient.create(vertx), url);
    await().atMost(Duration.ofSeconds(5)).until(() -> observer.view().await().acked()); // else b may see view 1 too
    Replica b = new Replica(vertx, "b", url);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.pinger.lastView().viewnum() == 2 && b.pinger.lastView().viewnum() == 2);
    assertThat(a.delivered).extracting(View::viewnum).containsExactly(1L, 2L);
    assertThat(b.delivered).containsExactly(new View(2, "a", "b", "http://a", "http://b", "a-1", "b-1", false));
    assertThat(a.onOwnerContext).containsOnly(true);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.leases.contains(TIMING.leaseMs()));
    assertThat(b.leases).as("the backup is never granted a lease").containsOnly(0L);
  }

  @Test
  void aSecondIncarnationOfThePrimaryIsNotItsPrimary(Vertx vertx) {
    String url = "http://127.0.0.1:" + deploy(vertx, 0).actualPort();
    Replica a = new Replica(vertx, "a", url);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.leases.contains(TIMING.leaseMs()));
    a.pinger.stop();
    // The same id with another incarnation: the view service sees a restart, not the primary.
    Replica again = new Replica(vertx, "a", url, "a-2");
    await().atMost(Duration.ofSeconds(5)).until(() -> again.answers.get() >= 5);
    assertThat(again.leases).containsOnly(0L);
  }

  @Test
  void keepsPingingThroughAViewServiceOutage(Vertx vertx) {
    int port = FreePorts.pick();
    Replica a = new Replica(vertx, "a", "http://127.0.0.1:" + port);
    await().during(Duration.ofMillis(5 * TIMING.intervalMs())).until(() -> a.answers.get() == 0);
    deploy(vertx, port);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.pinger.lastView().viewnum() == 1);
    assertThat(a.delivered).extracting(View::primary).containsExactly("a");
  }
}
