package org.paternoster.replica.http;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Transfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this replica a few replication messages through its own HTTP server at start-up, so the
 * first real state transfer does not pay for the first use of either side (encoding and signing,
 * the router, body and signature checks, decoding), all through bytes as on the wire and with a
 * full-sized book. Measured: a replica
 * restarted as the idle spare and then appointed backup took 135–290 ms to answer its first
 * transfer, even an empty one, of which 180 ms passed before its handler ran (class loading and
 * interpretation of the router, body, signature and codec paths on a cold JVM); the transfer is
 * the new primary's last step before it may act, so all of it was failover time.
 *
 * <p>Harmless by construction: every message names view 0 with other replicas as primary and
 * backup. A replica ignores a view that is not newer than its own (views only grow) and refuses
 * a transfer or forward unless it is the backup of exactly the sender's view, so each is answered
 * REFUSED and changes nothing (invariant 3). The messages go signed, like any member's.
 */
final class ServerWarmup {
  private static final Logger log = LoggerFactory.getLogger(ServerWarmup.class);
  static final int ROUNDS = 20;
  private static final org.paternoster.view.View NOBODYS_VIEW =
      new org.paternoster.view.View(0, "warmup-primary", "warmup-backup", "http://warmup.invalid", "http://warmup.invalid");

  private ServerWarmup() {}

  /** A full-sized book (every receipt and tombstone slot used, a few calls pending) and 64 of its ops. */
  private record Sample(OrderBook book, List<Sequenced> ops) {}

  private static Sample sample() {
    OrderBook book = new OrderBook();
    List<Sequenced> ops = new ArrayList<>();
    long seq = 0;
    for (int i = 1; i <= OrderBook.TOMBSTONES_KEPT; i++) {
      CabCall call = new CabCall("warmup", i % 4);
      Sequenced press = new Sequenced(++seq, 0, new Op.Press("warmup-" + i, call));
      book.apply(press);
      book.apply(new Sequenced(++seq, 0, new Op.Served("warmup-served-" + i, call, press.seq())));
      if (ops.size() < 64) ops.add(press);
    }
    for (int i = 0; i < 4; i++) book.apply(new Sequenced(++seq, 0, new Op.Press("warmup-pending-" + i, new CabCall("warmup", i))));
    return new Sample(book, ops);
  }

  /**
   * Runs {@link #ROUNDS} transfers and forwards to {@code self}, one after another; never fails
   * (a replica stopped meanwhile just refuses the connection).
   */
  static Future<Void> run(PeerLink link, String self) {
    Sample sample = sample();
    long started = System.nanoTime();
    Future<Void> chain = Future.succeededFuture();
    for (int round = 1; round <= ROUNDS; round++) {
      long attempt = round;
      chain = chain.compose(v -> link.transfer(self, new Transfer(NOBODYS_VIEW, attempt, sample.book().snapshot()))
              .compose(r -> link.forward(self, new Forward(NOBODYS_VIEW, attempt, sample.ops())))
              .<Void>mapEmpty()
              .recover(e -> Future.succeededFuture()));
    }
    return chain.onComplete(v -> log.debug("server warm-up: {} transfers and forwards to itself in {} ms", ROUNDS,
        (System.nanoTime() - started) / 1_000_000));
  }
}
