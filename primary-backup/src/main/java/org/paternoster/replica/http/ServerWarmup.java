package org.paternoster.replica.http;

import io.vertx.core.Future;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Transfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends this replica a few replication messages through its own HTTP server at start-up, so the
 * first real state transfer does not pay for the server side's first use. Measured: a replica
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

  /**
   * Runs {@link #ROUNDS} transfers and forwards to {@code self}, one after another; never fails
   * (a replica stopped meanwhile just refuses the connection).
   */
  static Future<Void> run(PeerLink link, String self) {
    var sample = org.paternoster.replica.CodecWarmup.sample();
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
