package org.paternoster.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.paternoster.view.View;

/**
 * A backup for {@link ReplicaHost} tests: it installs transfers at once and holds every forward
 * until the test answers it with {@link #backupHolds}. Each forward is also told to {@code sent}.
 */
public final class HeldForwards implements ReplicaHost.Transport {
  private final List<Forward> forwards = new ArrayList<>();
  private final List<Consumer<PeerReply>> replies = new ArrayList<>();
  private final Consumer<Forward> sent;

  public HeldForwards(Consumer<Forward> sent) {
    this.sent = sent;
  }

  /** The forwards sent so far, oldest first. */
  public List<Forward> forwards() {
    return forwards;
  }

  /** The backup of {@code view} answers forward {@code i}: it holds everything that forward carried. */
  public void backupHolds(int i, View view) {
    Forward f = forwards.get(i);
    replies.get(i).accept(new PeerReply(PeerReply.Status.OK, f.attempt(), f.ops().get(f.ops().size() - 1).seq(), view));
  }

  @Override
  public void forward(String to, Forward f, Consumer<PeerReply> reply) {
    sent.accept(f);
    forwards.add(f);
    replies.add(reply);
  }

  @Override
  public void transfer(String to, Transfer t, Consumer<PeerReply> reply) {
    reply.accept(new PeerReply(PeerReply.Status.OK, t.attempt(), t.snapshot().lastSeq(), t.view()));
  }

  @Override
  public void handover(String to, Handover h, Consumer<Handover.Reply> reply) {}
}
