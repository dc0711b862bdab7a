package org.paternoster.bench;

import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.paternoster.orders.CabCall;
import org.paternoster.replica.client.OrderClient;

/**
 * Clients committing cab calls back to back through one {@link OrderClient}, for the failover
 * benchmarks: it counts acknowledgements and, once told which view is current ({@link #watch}),
 * notes when the first order is committed in a higher one.
 */
final class CommitLoad {
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong lastAckViewnum = new AtomicLong();
  private final AtomicLong watchedViewnum = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong firstAckAboveAt = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);

  /** Starts {@code clients} loops named {@code prefix0, prefix1, ...} on {@code vertx}. */
  CommitLoad(Vertx vertx, OrderClient client, int clients, String prefix) {
    for (int c = 0; c < clients; c++) {
      String name = prefix + c;
      vertx.runOnContext(x -> loop(client, name, 0));
    }
  }

  /** From now on, {@link #awaitAckAbove} waits for an order committed in a view above {@code viewnum}. */
  void watch(long viewnum) {
    firstAckAboveAt.set(0);
    watchedViewnum.set(viewnum);
  }

  /** Waits for the first order committed above the watched view; its {@code System.nanoTime()}. */
  long awaitAckAbove() throws InterruptedException {
    while (firstAckAboveAt.get() == 0) Thread.sleep(1);
    return firstAckAboveAt.get();
  }

  long acked() {
    return acked.get();
  }

  long lastAckViewnum() {
    return lastAckViewnum.get();
  }

  void stop() {
    running.set(false);
  }

  private void loop(OrderClient client, String name, long n) {
    if (!running.get()) return;
    client.press(name + "-" + n, new CabCall(name, (int) (n % 4)), Long.MAX_VALUE).onComplete(ar -> {
      if (ar.succeeded()) {
        long viewnum = ar.result().viewnum();
        acked.incrementAndGet();
        lastAckViewnum.accumulateAndGet(viewnum, Math::max);
        if (viewnum > watchedViewnum.get()) firstAckAboveAt.compareAndSet(0, System.nanoTime());
      }
      loop(client, name, n + 1);
    });
  }
}
