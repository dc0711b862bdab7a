package org.paternoster.replica.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.view.View;

/**
 * A client like {@code OrderClient}: one request at a time to the primary it believes in; on
 * refusal or timeout it asks the view service again and resends the same request id until it is
 * acknowledged. It presses unique cab calls and, every third request, reports the oldest call it
 * had acknowledged as served (with that call's incarnation). Every acknowledgement is recorded.
 */
final class SimClient {
  /** One acknowledged operation: who acknowledged it in which view and lineage, when (real time), and the call's incarnation. */
  record Ack(Op op, long viewnum, String replica, long at, long callSeq, String generation) {}

  private final SimCluster cluster;
  private final String name;
  private final long timeoutMs;
  final List<Ack> acks = new ArrayList<>();
  private final Deque<Ack> unserved = new ArrayDeque<>();
  private View view = View.INITIAL;
  private int next;
  private boolean stopped;
  private long attempt;

  SimClient(SimCluster cluster, String name, long timeoutMs) {
    this.cluster = cluster;
    this.name = name;
    this.timeoutMs = timeoutMs;
  }

  String name() {
    return name;
  }

  void start() {
    send(newOp());
  }

  void stop() {
    stopped = true;
  }

  private Op newOp() {
    int k = next++;
    if (k % 3 == 2 && !unserved.isEmpty()) {
      Ack press = unserved.removeFirst();
      cluster.checker.servedSubmitted(press.op().call());
      return new Op.Served(name + "-" + k, press.op().call(), press.callSeq());
    }
    return new Op.Press(name + "-" + k, new CabCall(name + "-car" + k, k % 4));
  }

  private void send(Op op) {
    if (stopped) return;
    long mine = ++attempt;
    String primary = view.primary();
    if (primary == null) {
      refreshThenResend(op);
      return;
    }
    cluster.net.request(name, primary, op, (Op o, Consumer<SimReplica.Answer> answer) -> {
      SimReplica r = cluster.replica(primary);
      if (r != null) r.submit(o, answer);
    }, reply -> {
      if (mine == attempt) handle(op, reply);
    });
    cluster.net.timer(name, timeoutMs, () -> {
      if (mine == attempt) refreshThenResend(op);
    });
  }

  private void handle(Op op, SimReplica.Answer a) {
    attempt++;
    if (a.committed()) {
      Ack ack = new Ack(op, a.viewnum(), a.replica(), cluster.net.now(), a.callSeq(), a.generation());
      acks.add(ack);
      cluster.checker.acknowledged(ack);
      if (op instanceof Op.Press) unserved.addLast(ack);
      send(newOp());
    } else {
      if (a.view() != null && a.view().viewnum() > view.viewnum()) view = a.view();
      cluster.net.timer(name, 5, () -> refreshThenResend(op));
    }
  }

  private void refreshThenResend(Op op) {
    if (stopped) return;
    long mine = ++attempt;
    cluster.net.call(name, SimViewService.NODE, "view",
        q -> cluster.viewService.up() ? cluster.viewService.view() : null, v -> {
          if (mine != attempt) return;
          if (v.viewnum() > view.viewnum()) view = v;
          send(op);
        });
    cluster.net.timer(name, timeoutMs, () -> {
      if (mine == attempt) refreshThenResend(op);
    });
  }
}
