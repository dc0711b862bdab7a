package org.paternoster.replica.http;

import io.vertx.core.Future;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Handover;
import org.paternoster.replica.PeerReply;
import org.paternoster.replica.ReplicaHost;
import org.paternoster.replica.Transfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReplicaHost.Transport} over {@link PeerLink}: a failed request answers {@code null}. State
 * transfers are logged with their size and round trip: they sit on the failover path (a new
 * primary acts only once its backup holds the book).
 */
final class HttpTransport implements ReplicaHost.Transport {
  private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);
  private final PeerLink link;
  private final LongSupplier clock;

  /** {@code clock}: this process's monotonic milliseconds, to time transfers. */
  HttpTransport(PeerLink link, LongSupplier clock) {
    this.link = link;
    this.clock = clock;
  }

  @Override
  public void forward(String to, Forward forward, Consumer<PeerReply> reply) {
    deliver(link.forward(to, forward), reply);
  }

  @Override
  public void transfer(String to, Transfer transfer, Consumer<PeerReply> reply) {
    long sentAt = clock.getAsLong();
    deliver(link.transfer(to, transfer), r -> {
      log.info("transfer to {} (view {}, {} calls, {} receipts, {} served): {} after {} ms", to, transfer.view().viewnum(),
          transfer.snapshot().pending().size(), transfer.snapshot().receipts().size(), transfer.snapshot().served().size(),
          r == null ? "no answer" : r.status(), clock.getAsLong() - sentAt);
      reply.accept(r);
    });
  }

  @Override
  public void handover(String to, Handover handover, Consumer<Handover.Reply> reply) {
    deliver(link.handover(to, handover), reply);
  }

  private static <T> void deliver(Future<T> answer, Consumer<T> reply) {
    answer.onComplete(r -> reply.accept(r.succeeded() ? r.result() : null));
  }
}
