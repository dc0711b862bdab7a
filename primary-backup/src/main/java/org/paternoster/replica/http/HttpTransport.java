package org.paternoster.replica.http;

import io.vertx.core.Future;
import java.util.function.Consumer;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Handover;
import org.paternoster.replica.PeerReply;
import org.paternoster.replica.ReplicaHost;
import org.paternoster.replica.Transfer;

/** {@link ReplicaHost.Transport} over {@link PeerLink}: a failed request answers {@code null}. */
final class HttpTransport implements ReplicaHost.Transport {
  private final PeerLink link;

  HttpTransport(PeerLink link) {
    this.link = link;
  }

  @Override
  public void forward(String to, Forward forward, Consumer<PeerReply> reply) {
    deliver(link.forward(to, forward), reply);
  }

  @Override
  public void transfer(String to, Transfer transfer, Consumer<PeerReply> reply) {
    deliver(link.transfer(to, transfer), reply);
  }

  @Override
  public void handover(String to, Handover handover, Consumer<Handover.Reply> reply) {
    deliver(link.handover(to, handover), reply);
  }

  private static <T> void deliver(Future<T> answer, Consumer<T> reply) {
    answer.onComplete(r -> reply.accept(r.succeeded() ? r.result() : null));
  }
}
