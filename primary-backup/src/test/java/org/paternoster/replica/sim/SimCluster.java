package org.paternoster.replica.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.paternoster.replica.Role;
import org.paternoster.view.PingTiming;
import org.paternoster.view.View;

/**
 * A whole Paternoster controller in one thread: the view service, replicas and clients on a
 * {@link SimNetwork} with a fake clock. Scenario tests kill, restart and partition nodes, then
 * check the recorded history against the safety invariants.
 */
public final class SimCluster {
  static final String VS = "vs";

  final SimNetwork net;
  final PingTiming timing;
  private final SimViewService viewService;
  private final Map<String, SimReplica> replicas = new HashMap<>();
  private final List<SimClient> clients = new ArrayList<>();

  public SimCluster(long seed, PingTiming timing) {
    this.net = new SimNetwork(seed);
    this.timing = timing;
    this.viewService = new SimViewService(net, timing);
  }

  SimViewService viewService() {
    return viewService;
  }

  SimReplica replica(String id) {
    return net.isDown(id) ? null : replicas.get(id);
  }

  public SimNetwork network() {
    return net;
  }

  public void startReplica(String id) {
    net.revive(id);
    net.reincarnate(id);
    SimReplica r = new SimReplica(this, id, VS, timing.intervalMs());
    replicas.put(id, r);
    r.start(viewService);
  }

  /** kill -9: the process and its memory are gone. */
  public void kill(String id) {
    net.crash(id);
    net.reincarnate(id);
  }

  /** Cuts {@code id} off from each of {@code others}. */
  public void isolate(String id, String... others) {
    for (String o : others) net.cut(id, o);
  }

  public void startClients(int n) {
    for (int i = 0; i < n; i++) {
      SimClient c = new SimClient(this, "client" + clients.size(), 8 * timing.intervalMs());
      clients.add(c);
      c.start();
    }
  }

  public void stopClients() {
    clients.forEach(SimClient::stop);
  }

  public View view() {
    return viewService.view();
  }

  public void runFor(long ms) {
    net.runUntil(net.now() + ms);
  }

  /** Runs until {@code condition} holds, failing after {@code maxMs} of simulated time. */
  public void await(String what, long maxMs, BooleanSupplier condition) {
    long deadline = net.now() + maxMs;
    while (!condition.getAsBoolean()) {
      if (net.now() >= deadline) throw new AssertionError("not within " + maxMs + " ms: " + what + " (" + view() + ")");
      net.runUntil(net.now() + 1);
    }
  }

  public List<SimClient.Ack> acks() {
    List<SimClient.Ack> all = new ArrayList<>();
    clients.forEach(c -> all.addAll(c.acks));
    return all;
  }

  /** The live primary of the current view, once it has acked the view (it holds complete state). */
  public SimReplica settledPrimary() {
    SimReplica p = view().primary() == null ? null : replica(view().primary());
    return p != null && p.core.role() == Role.PRIMARY && viewService.core().acked() ? p : null;
  }

  /** Invariant 1: every acknowledged order is held by the current primary (and its backup). */
  public void assertNoAcknowledgedOrderLost() {
    SimReplica primary = settledPrimary();
    assertThat(primary).as("a settled primary in " + view()).isNotNull();
    for (SimClient.Ack ack : acks()) {
      // Clients press unique cab calls that nobody serves: each acknowledged one must still be lit.
      assertThat(primary.core.book().pending(ack.op().call()))
          .as("acknowledged %s (view %d by %s) on primary %s", ack.op(), ack.viewnum(), ack.replica(), primary.id())
          .isPresent();
    }
  }

  /** Invariant 2: in any view, acknowledgements came from one replica only. */
  public void assertOneWriterPerView() {
    Map<Long, Set<String>> writers = new HashMap<>();
    for (SimClient.Ack ack : acks()) writers.computeIfAbsent(ack.viewnum(), v -> new HashSet<>()).add(ack.replica());
    writers.forEach((v, who) -> assertThat(who).as("writers in view %d", v).hasSize(1));
  }

  /** After quiescence, primary and backup hold identical books. */
  public void assertReplicasAgree() {
    SimReplica primary = settledPrimary();
    SimReplica backup = view().backup() == null ? null : replica(view().backup());
    if (primary == null || backup == null) return;
    assertThat(backup.core.book().snapshot()).isEqualTo(primary.core.book().snapshot());
  }
}
