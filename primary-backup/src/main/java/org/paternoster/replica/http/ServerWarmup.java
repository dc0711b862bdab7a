package org.paternoster.replica.http;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;
import org.paternoster.replica.Forward;
import org.paternoster.replica.PeerReply;
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
 * <p>Three rounds, not more: each sends a full-sized book, and the CPU of many rounds (and of
 * compiling what they run) is taken from everything else starting on the machine. Measured
 * (bench-failover, 20 kills each; bench-light, the first 100 presses after start): with 20
 * rounds the first real transfers took 12-49 ms and those presses' p99 143-165 ms; with 3, 11-42
 * ms and 59-70 ms; with none, 53-113 ms and 42-58 ms.
 *
 * <p>Harmless by construction: every message names view 0 with other replicas as primary and
 * backup. A replica ignores a view that is not newer than its own (views only grow) and refuses
 * a transfer or forward unless it is the backup of exactly the sender's view, so each is answered
 * REFUSED and changes nothing (invariant 3). The messages go signed, like any member's.
 */
final class ServerWarmup {
  private static final Logger log = LoggerFactory.getLogger(ServerWarmup.class);
  static final int ROUNDS = 3;
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
   * Runs {@link #ROUNDS} transfers and forwards to {@code self}, one after another, and completes
   * with how many of them were answered REFUSED (all of them, by a running replica); never fails (a
   * replica stopped meanwhile just refuses the connection, which counts as no answer).
   */
  static Future<Integer> run(PeerLink link, String self) {
    Sample sample = sample();
    long started = System.nanoTime();
    Future<Integer> refused = Future.succeededFuture(0);
    for (int round = 1; round <= ROUNDS; round++) {
      long attempt = round;
      refused = refused.compose(sofar -> link.transfer(self, new Transfer(NOBODYS_VIEW, attempt, sample.book().snapshot()))
          .compose(t -> link.forward(self, new Forward(NOBODYS_VIEW, attempt, sample.ops())).map(f -> sofar + refusals(t, f)))
          .recover(e -> Future.succeededFuture(sofar)));
    }
    return refused.onSuccess(n -> log.debug("server warm-up: {} transfers and forwards to itself in {} ms, {} refused", ROUNDS,
        (System.nanoTime() - started) / 1_000_000, n));
  }

  private static int refusals(PeerReply... replies) {
    int n = 0;
    for (PeerReply r : replies) if (r.status() == PeerReply.Status.REFUSED) n++;
    return n;
  }
}
