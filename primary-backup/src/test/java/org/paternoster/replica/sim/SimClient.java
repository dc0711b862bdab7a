package org.paternoster.replica.sim;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.view.View;

/**
 * A client pressing unique cab calls one after another, like {@code OrderClient}: it sends to
 * the primary it believes in, and on refusal or timeout asks the view service again and resends
 * the same request id until it is acknowledged. Every acknowledgement is recorded.
 */
final class SimClient {
  /** One acknowledged operation and who acknowledged it in which view. */
  record Ack(Op op, long viewnum, String replica, long at) {}

  private final SimCluster cluster;
  private final String name;
  private final long timeoutMs;
  final List<Ack> acks = new ArrayList<>();
  private View view = View.INITIAL;
  private int next;
  private boolean stopped;
  private long attempt;

  SimClient(SimCluster cluster, String name, long timeoutMs) {
    this.cluster = cluster;
    this.name = name;
    this.timeoutMs = timeoutMs;
  }

  void start() {
    send(newOp(), 0);
  }

  void stop() {
    stopped = true;
  }

  private Op newOp() {
    int k = next++;
    return new Op.Press(name + "-" + k, new CabCall(name + "-car" + k, k % 4));
  }

  private void send(Op op, int tries) {
    if (stopped) return;
    long mine = ++attempt;
    String primary = view.primary();
    SimNetwork net = cluster.net;
    if (primary == null) {
      refreshThenResend(op, tries);
      return;
    }
    net.request(name, primary, op, (Op o, java.util.function.Consumer<SimReplica.Answer> answer) -> {
      SimReplica r = cluster.replica(primary);
      if (r != null) r.submit(o, answer);
    }, reply -> {
      if (mine != attempt) return;
      handle(op, tries, reply);
    });
    net.timer(name, timeoutMs, () -> {
      if (mine == attempt) refreshThenResend(op, tries + 1);
    });
  }

  private void handle(Op op, int tries, SimReplica.Answer a) {
    if (a.committed()) {
      acks.add(new Ack(op, a.viewnum(), a.replica(), cluster.net.now()));
      attempt++;
      send(newOp(), 0);
    } else {
      if (a.view() != null && a.view().viewnum() > view.viewnum()) view = a.view();
      attempt++;
      cluster.net.timer(name, 5, () -> refreshThenResend(op, tries + 1));
    }
  }

  private void refreshThenResend(Op op, int tries) {
    if (stopped) return;
    long mine = ++attempt;
    cluster.net.call(name, SimCluster.VS, "view", q -> cluster.viewService().view(), v -> {
      if (mine != attempt) return;
      if (v.viewnum() > view.viewnum()) view = v;
      send(op, tries);
    });
    cluster.net.timer(name, timeoutMs, () -> {
      if (mine == attempt) refreshThenResend(op, tries + 1);
    });
  }
}
