package org.paternoster.replica.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.paternoster.orders.Op;
import org.paternoster.replica.Effect;
import org.paternoster.replica.Forward;
import org.paternoster.replica.PeerReply;
import org.paternoster.replica.Replica;
import org.paternoster.replica.Submission;
import org.paternoster.replica.Transfer;
import org.paternoster.view.View;

/**
 * The simulated shell around one {@link Replica} core: the same duties as the Vert.x verticle
 * (ping loop, executing effects, parking clients until commit) over {@link SimNetwork}.
 */
final class SimReplica {
  /** A client's answer: committed in {@code viewnum} by {@code replica}, or refused. */
  record Answer(boolean committed, long viewnum, long seq, String replica, View view) {}

  private final SimNetwork net;
  private final SimCluster cluster;
  private final String vs;
  private final long pingIntervalMs;
  private final long peerTimeoutMs;
  final Replica core;
  private final TreeMap<Long, List<Consumer<Answer>>> waiting = new TreeMap<>();

  SimReplica(SimCluster cluster, String id, String vs, long pingIntervalMs) {
    this.cluster = cluster;
    this.net = cluster.net;
    this.vs = vs;
    this.pingIntervalMs = pingIntervalMs;
    this.peerTimeoutMs = 4 * pingIntervalMs;
    this.core = new Replica(id, pingIntervalMs / 2);
  }

  String id() {
    return core.id();
  }

  void start(SimViewService viewService) {
    pingLoop(viewService);
    tickLoop();
  }

  private void pingLoop(SimViewService viewService) {
    net.call(id(), vs, core.reportedViewnum(), n -> viewService.ping(id(), n, id()), view -> {
      core.onView(view, net.now());
      run();
    });
    net.timer(id(), pingIntervalMs, () -> pingLoop(viewService));
  }

  private void tickLoop() {
    core.tick(net.now());
    run();
    net.timer(id(), Math.max(1, pingIntervalMs / 4), this::tickLoop);
  }

  /** A client request arriving over the network; {@code answer} is called once (or never, if lost). */
  void submit(Op op, Consumer<Answer> answer) {
    Submission s = core.submit(op, net.now());
    if (s instanceof Submission.NotPrimary np) {
      answer.accept(new Answer(false, np.view().viewnum(), 0, id(), np.view()));
    } else {
      Submission.Accepted a = (Submission.Accepted) s;
      Consumer<Answer> reply = ans -> answer.accept(ans.committed() ? new Answer(true, ans.viewnum(), a.receipt().seq(), id(), null) : ans);
      if (a.committed()) reply.accept(new Answer(true, a.viewnum(), a.receipt().seq(), id(), null));
      else waiting.computeIfAbsent(a.receipt().seq(), k -> new ArrayList<>()).add(reply);
    }
    run();
  }

  PeerReply onForward(Forward f) {
    PeerReply r = core.onForward(f, net.now());
    run();
    return r;
  }

  PeerReply onTransfer(Transfer t) {
    PeerReply r = core.onTransfer(t, net.now());
    run();
    return r;
  }

  void run() {
    for (Effect e : core.drain()) {
      if (e instanceof Effect.SendForward f) {
        send(f.forward().attempt(), f.toAddress(), peer -> peer.onForward(f.forward()), f.forward());
      } else if (e instanceof Effect.SendTransfer t) {
        send(t.transfer().attempt(), t.toAddress(), peer -> peer.onTransfer(t.transfer()), t.transfer());
      } else if (e instanceof Effect.Committed c) {
        var done = waiting.headMap(c.upToSeq(), true);
        long viewnum = core.view().viewnum();
        done.values().forEach(list -> list.forEach(w -> w.accept(new Answer(true, viewnum, 0, id(), null))));
        done.clear();
      } else if (e instanceof Effect.Abandoned a) {
        waiting.values().forEach(list -> list.forEach(w -> w.accept(new Answer(false, a.view().viewnum(), 0, id(), a.view()))));
        waiting.clear();
      }
    }
  }

  private <Q> void send(long attempt, String to, java.util.function.Function<SimReplica, PeerReply> handler, Q request) {
    boolean[] answered = {false};
    net.call(id(), to, request, q -> {
      SimReplica peer = cluster.replica(to);
      return peer == null ? null : handler.apply(peer);
    }, (PeerReply reply) -> {
      answered[0] = true;
      core.onPeerReply(reply, net.now());
      run();
    });
    net.timer(id(), peerTimeoutMs, () -> {
      if (!answered[0]) {
        core.onPeerFailure(attempt, net.now());
        run();
      }
    });
  }
}
