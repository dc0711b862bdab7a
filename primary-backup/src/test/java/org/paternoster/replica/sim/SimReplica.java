package org.paternoster.replica.sim;

import java.util.function.Consumer;
import org.paternoster.orders.Op;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Handover;
import org.paternoster.replica.PeerReply;
import org.paternoster.replica.Replica;
import org.paternoster.replica.ReplicaHost;
import org.paternoster.replica.Submission;
import org.paternoster.replica.Transfer;
import org.paternoster.view.PingAnswer;
import org.paternoster.view.View;

/**
 * The simulated shell of one replica process: the real {@link ReplicaHost} (and so the real
 * {@link Replica} core) over {@link SimNetwork}, with the verticle's two timers (ping loop, tick)
 * and request timeouts. Each start is a new process incarnation with an empty memory, and with
 * what its {@link SimDisk} holds if it has one.
 */
final class SimReplica implements ReplicaHost.Transport {
  /**
   * A client's answer: committed in {@code viewnum} by {@code replica}, in the lineage its book
   * then had ({@code generation}), or refused with a view, or timed out.
   */
  record Answer(boolean committed, long viewnum, String replica, View view, long callSeq, String generation) {}

  private final SimCluster cluster;
  private final SimNetwork net;
  private final String id;
  private final long pingIntervalMs;
  private final long peerTimeoutMs;
  final ReplicaHost host;

  /**
   * @param disk its {@code --data-dir} (null: none, as by default): the process starts from the book
   *     recovered from it and journals every change there as {@code ReplicaHost} does, with the
   *     verticle's group commit (clients' orders flushed once, later on the same loop)
   */
  SimReplica(SimCluster cluster, String id, int incarnation, SimDisk disk) {
    this.cluster = cluster;
    this.net = cluster.net;
    this.id = id;
    this.pingIntervalMs = cluster.timing.intervalMs();
    this.peerTimeoutMs = 4 * pingIntervalMs;
    // As ReplicaVerticle: recover from the disk, journal there, and group-commit only with one.
    String name = id + "i" + incarnation;
    Replica core = disk == null ? new Replica(id, name, pingIntervalMs / 2)
        : new Replica(id, name, pingIntervalMs / 2, disk.recover(), disk.writer());
    if (disk != null) disk.writtenBy(name);
    this.host = new ReplicaHost(core, this, () -> net.localNow(id), 20 * pingIntervalMs, () -> {},
        disk == null ? ReplicaHost.Journal.NONE : disk, disk == null ? Runnable::run : flush -> net.timer(id, 0, flush));
  }

  String id() {
    return id;
  }

  Replica core() {
    return host.core();
  }

  void start() {
    pingLoop();
    tickLoop();
  }

  private void pingLoop() {
    long sentAt = net.localNow(id);
    long reported = host.core().reportedViewnum();
    long latest = host.core().view().viewnum();
    String incarnation = host.core().incarnation();
    String recoveredFrom = host.core().recoveredFrom();
    if (cluster.reconnects()) {
      boolean refused = cluster.refusesWhileAlive();
      net.send(id, SimViewService.NODE, () -> {
        cluster.viewService.disconnected(id);
        if (refused) cluster.viewService.refused(id);
      });
    }
    net.call(id, SimViewService.NODE, null,
        q -> cluster.viewService.ping(id, reported, latest, id, incarnation, recoveredFrom),
        (PingAnswer answer) -> host.onPingAnswer(answer, sentAt));
    net.timer(id, pingIntervalMs, this::pingLoop);
  }

  private void tickLoop() {
    host.tick();
    net.timer(id, Math.max(1, pingIntervalMs / 4), this::tickLoop);
  }

  /** A client request arriving over the network; {@code answer} is called at most once. */
  void submit(Op op, Consumer<Answer> answer) {
    long[] callSeq = {-1};
    Answer[] early = {null};
    Submission s = host.submit(op, new ReplicaHost.Waiter() {
      boolean done;

      private boolean answer(boolean committed, long viewnum, View view) {
        if (done) return false;
        done = true;
        Answer a = new Answer(committed, viewnum, id, view, callSeq[0], host.core().book().generation());
        if (callSeq[0] < 0) early[0] = a; else answer.accept(a);
        return true;
      }

      @Override
      public boolean committed(long viewnum) {
        return answer(true, viewnum, null);
      }

      @Override
      public boolean notPrimary(View view) {
        return answer(false, view.viewnum(), view);
      }

      @Override
      public boolean timedOut() {
        return answer(false, 0, null);
      }
    });
    callSeq[0] = s instanceof Submission.Accepted a ? a.receipt().callSeq() : 0;
    if (early[0] != null) {
      Answer a = early[0];
      answer.accept(new Answer(a.committed(), a.viewnum(), id, a.view(), callSeq[0], a.generation()));
    }
  }

  @Override
  public void forward(String to, Forward forward, Consumer<PeerReply> reply) {
    send(to, forward, r -> r.host.onForward(forward), reply);
  }

  @Override
  public void transfer(String to, Transfer transfer, Consumer<PeerReply> reply) {
    send(to, transfer, r -> r.host.onTransfer(transfer), reply);
  }

  @Override
  public void handover(String to, Handover handover, Consumer<Handover.Reply> reply) {
    Once<Handover.Reply> once = new Once<>(reply);
    net.request(id, to, handover, (Handover h, Consumer<Handover.Reply> answer) -> {
      SimReplica peer = cluster.replica(to);
      if (peer != null) peer.host.onHandover(h, answer);
    }, once);
    net.timer(id, peerTimeoutMs, () -> once.accept(null));
  }

  private <Q> void send(String to, Q request, java.util.function.Function<SimReplica, PeerReply> handler, Consumer<PeerReply> reply) {
    Once<PeerReply> once = new Once<>(reply);
    net.call(id, to, request, q -> {
      SimReplica peer = cluster.replica(to);
      return peer == null ? null : handler.apply(peer);
    }, once);
    net.timer(id, peerTimeoutMs, () -> once.accept(null));
  }

  /** The transport's contract: each callback at most once (a duplicated reply or a late timeout is dropped). */
  private static final class Once<T> implements Consumer<T> {
    private final Consumer<T> target;
    private boolean done;

    Once(Consumer<T> target) {
      this.target = target;
    }

    @Override
    public void accept(T value) {
      if (done) return;
      done = true;
      target.accept(value);
    }
  }
}
