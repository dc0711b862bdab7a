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
    final Context owner;

    Replica(Vertx vertx, String id, String viewServiceUrl) {
      this(vertx, id, viewServiceUrl, id + "-1", null);
    }

    Replica(Vertx vertx, String id, String viewServiceUrl, String incarnation) {
      this(vertx, id, viewServiceUrl, incarnation, null);
    }

    /**
     * With {@code ownerResponsive} non-null, the pings leave from a Vert.x of their own, one event
     * loop ({@link ViewPinger#answeringOn}), closed after the test.
     */
    Replica(Vertx vertx, String id, String viewServiceUrl, String incarnation, java.util.function.BooleanSupplier ownerResponsive) {
      owner = vertx.getOrCreateContext();
      Vertx pings = ownerResponsive == null ? vertx : pingVertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1));
      MonotonicClock clock = new MonotonicClock();
      owner.runOnContext(v -> {
        pinger = new ViewPinger(pings, WebClient.create(pings), () -> viewServiceUrl, id, incarnation, "http://" + id,
            TIMING.intervalMs(), clock, holds::get, (answer, sentAt) -> {
              onOwnerContext.add(Vertx.currentContext() == owner);
              assertThat(sentAt).isLessThanOrEqualTo(clock.getAsLong());
              answers.incrementAndGet();
              leases.add(answer.leaseMs());
              if (answer.view().viewnum() > holds.get()) delivered.add(answer.view());
              holds.set(answer.view().viewnum());
            });
        if (ownerResponsive == null) pinger.start();
        else pinger.answeringOn(owner, ownerResponsive).deployOnOwnLoop();
      });
      await().until(() -> pinger != null);
    }
  }

  final List<Vertx> pingVertxes = new CopyOnWriteArrayList<>();

  Vertx pingVertx(io.vertx.core.VertxOptions options) {
    Vertx v = Vertx.vertx(options);
    pingVertxes.add(v);
    return v;
  }

  @org.junit.jupiter.api.AfterEach
  void closePingVertxes() {
    pingVertxes.forEach(v -> v.close().await());
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

  /**
   * A busy owner is not a dead one: while the primary's own event loop is blocked for longer than
   * the view service waits for a ping, pings leave from the ping loop's event loop and it stays
   * primary; its answers reach it afterwards, on its context. Once its loop is reported silent for
   * too long, the pings stop and the backup takes over.
   */
  @Test
  void aPrimaryWhoseLoopIsBusyKeepsItsRoleAndOneReportedSilentIsReplaced(Vertx vertx) throws Exception {
    String url = "http://127.0.0.1:" + deploy(vertx, 0).actualPort();
    java.util.concurrent.atomic.AtomicBoolean ownerAlive = new java.util.concurrent.atomic.AtomicBoolean(true);
    Replica a = new Replica(vertx, "a", url, "a-1", ownerAlive::get);
    await().atMost(Duration.ofSeconds(5)).until(() -> a.pinger.lastView().viewnum() == 1);
    ViewServiceClient observer = new ViewServiceClient(WebClient.create(vertx), url);
    await().atMost(Duration.ofSeconds(5)).until(() -> observer.view().await().acked());
    Replica b = new Replica(vertx, "b", url, "b-1", () -> true); // its pings must not share a's blocked loop
    await().atMost(Duration.ofSeconds(5)).until(() -> observer.view().await().view().backup() != null && observer.view().await().acked());
    long viewnum = observer.view().await().view().viewnum();
    long answered = a.answers.get();

    // Longer than the view service's longest wait for a silent primary (4 x 10 pings of 20 ms).
    java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);
    a.owner.runOnContext(v -> {
      try {
        Thread.sleep(1_500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      blocked.countDown();
    });
    assertThat(blocked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(observer.view().await().view()).as("still the primary of the same view").satisfies(v -> {
      assertThat(v.viewnum()).isEqualTo(viewnum);
      assertThat(v.primary()).isEqualTo("a");
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> a.answers.get() > answered + 10);
    assertThat(a.onOwnerContext).containsOnly(true);

    ownerAlive.set(false); // its loop has not run for too long: it stops pinging
    await().atMost(Duration.ofSeconds(10)).until(() -> "b".equals(observer.view().await().view().primary()));
    await().atMost(Duration.ofSeconds(5)).until(() -> b.pinger.lastView().viewnum() > viewnum); // b hears of it on its next ping
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
