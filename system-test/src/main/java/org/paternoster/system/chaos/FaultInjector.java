package org.paternoster.system.chaos;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Injects one fault and heals it: kill -9 (healed by restarting the process with the same
 * arguments and data dir, once it answers again), SIGSTOP/SIGCONT, iptables cuts and packet
 * loss (one chain per fault), motor/obstruction faults through the node's {@code POST /faults},
 * and duplicated and reordered messages through the process's {@code POST /chaos/messages}.
 * Every injection and heal is recorded in the {@link History}. Targets are chosen with the
 * caller's {@link Random}; the current primary is preferred half of the time a replica is hit.
 */
public final class FaultInjector {
  /** A fault in force; {@link FaultInjector#heal} undoes it. */
  public record Active(int id, FaultKind kind, Set<String> targets, String detail, Runnable undo) {}

  private final SystemProcesses processes;
  private final Iptables iptables;
  private final Http http;
  private final Topology topology;
  private final History history;
  private final Observer observer;
  private int nextId;

  public FaultInjector(SystemProcesses processes, Iptables iptables, Http http, Topology topology, History history,
      Observer observer) {
    this.processes = processes;
    this.iptables = iptables;
    this.http = http;
    this.topology = topology;
    this.history = history;
    this.observer = observer;
  }

  /** Injects a fault of {@code kind} on targets not in {@code busy}; null when no target is free. */
  public synchronized Active inject(FaultKind kind, Random random, Set<String> busy) {
    int id = ++nextId;
    // Its start is when the first blow lands: a failover it causes may be seen before the last one does.
    long startedAt = history.now();
    List<String> free = new ArrayList<>(Topology.all());
    free.removeAll(busy);
    List<String> freeNodes = free.stream().filter(Topology::isNode).toList();
    List<String> freeReplicas = free.stream().filter(Topology::isReplica).toList();
    Active a;
    switch (kind) {
      case KILL, PAUSE -> {
        if (free.isEmpty()) return null;
        String target = pick(random, free, freeReplicas);
        boolean kill = kind == FaultKind.KILL;
        if (kill) processes.kill9(target); else processes.signal(target, true);
        a = new Active(id, kind, Set.of(target), kill ? "kill -9 " + target : "SIGSTOP " + target,
            kill ? () -> restart(target) : () -> processes.signal(target, false));
      }
      case PARTITION -> {
        int variant = random.nextInt(4);
        if (variant == 3 || freeReplicas.isEmpty()) {
          if (freeNodes.isEmpty()) return null;
          String node = freeNodes.get(random.nextInt(freeNodes.size()));
          check(iptables.isolate(id, topology.host(node), topology.observer()));
          a = new Active(id, kind, Set.of(node), node + " isolated", () -> iptables.heal(id));
        } else {
          String r = pick(random, freeReplicas, freeReplicas);
          if (variant == 0 && free.contains(Topology.VIEW_SERVICE)) {
            check(iptables.cut(id, topology.host(r), topology.host(Topology.VIEW_SERVICE)));
            a = new Active(id, kind, Set.of(r, Topology.VIEW_SERVICE), r + " cut from view-service", () -> iptables.heal(id));
          } else if (variant == 1 && freeReplicas.size() >= 2) {
            List<String> peers = new ArrayList<>(freeReplicas);
            peers.remove(r);
            String p = peers.get(random.nextInt(peers.size()));
            check(iptables.cut(id, topology.host(r), topology.host(p)));
            a = new Active(id, kind, Set.of(r, p), r + " cut from " + p, () -> iptables.heal(id));
          } else {
            check(iptables.isolate(id, topology.host(r), topology.observer()));
            a = new Active(id, kind, Set.of(r), r + " isolated", () -> iptables.heal(id));
          }
        }
      }
      case LOSS -> {
        if (free.isEmpty()) return null;
        String target = pick(random, free, freeReplicas);
        double rate = 0.30 + 0.30 * random.nextDouble();
        check(iptables.loss(id, topology.host(target), rate, topology.observer()));
        a = new Active(id, kind, Set.of(target), String.format(Locale.ROOT, "%.0f%% loss to %s", rate * 100, target),
            () -> iptables.heal(id));
      }
      case MOTOR, OBSTRUCTION -> {
        if (freeNodes.isEmpty()) return null;
        String node = freeNodes.get(random.nextInt(freeNodes.size()));
        boolean motor = kind == FaultKind.MOTOR;
        post(node, "/faults", motor ? new JsonObject().put("motor", "cut") : new JsonObject().put("obstruction", true));
        a = new Active(id, kind, Set.of(node), motor ? "motor cut on " + node : "obstruction on " + node,
            () -> post(node, "/faults", motor ? new JsonObject().put("motor", "restore") : new JsonObject().put("obstruction", false)));
      }
      case DUP_REORDER -> {
        if (free.isEmpty()) return null;
        String target = pick(random, free, freeReplicas);
        double share = 0.2 + 0.3 * random.nextDouble();
        int maxDelayMs = 50 + random.nextInt(251);
        post(target, "/chaos/messages", new JsonObject().put("duplicate", share).put("maxDelayMs", maxDelayMs)
            .put("except", topology.observer()));
        a = new Active(id, kind, Set.of(target),
            String.format(Locale.ROOT, "%.0f%% of messages to %s duplicated, all held 0-%d ms", share * 100, target, maxDelayMs),
            () -> post(target, "/chaos/messages", new JsonObject().put("duplicate", 0).put("maxDelayMs", 0)));
      }
      case POWER_LOSS -> {
        List<String> replicas = Topology.all().stream().filter(Topology::isReplica).toList();
        if (!freeReplicas.containsAll(replicas)) return null;
        replicas.forEach(processes::kill9);
        a = new Active(id, kind, Set.copyOf(replicas), "power loss: kill -9 " + String.join(", ", replicas),
            () -> restart(replicas)); // the power returns to every machine at once
      }
      default -> throw new IllegalStateException(kind.toString());
    }
    history.add(new Event.Fault(startedAt, a.id(), kind.wire(), a.targets(), a.detail(), true));
    return a;
  }

  /** Undoes {@code a} (for a kill: restarts and waits until the process answers) and records the heal. */
  public void heal(Active a) {
    a.undo().run();
    history.add(new Event.Fault(history.now(), a.id(), a.kind().wire(), a.targets(), a.detail(), false));
  }

  /** A replica target is the current primary half of the time; otherwise any of {@code candidates}. */
  private String pick(Random random, List<String> candidates, List<String> freeReplicas) {
    JsonObject view = observer.view();
    boolean preferPrimary = random.nextBoolean();
    String primary = view == null ? null : view.getString("primary");
    if (preferPrimary && primary != null && freeReplicas.contains(primary) && candidates.contains(primary)) return primary;
    return candidates.get(random.nextInt(candidates.size()));
  }

  private void restart(String name) {
    restart(List.of(name));
  }

  /** Starts every one of {@code names}, then waits (at most 30 s in all) until each answers. */
  private void restart(List<String> names) {
    for (String name : names) {
      try {
        processes.start(name);
      } catch (IOException e) {
        throw new IllegalStateException("cannot restart " + name, e);
      }
    }
    long deadline = System.currentTimeMillis() + 30_000;
    for (String name : names) {
      while (System.currentTimeMillis() < deadline && http.getJsonNow(topology.url(name) + "/health", 500) == null) {
        PassengerGenerator.sleep(50);
      }
    }
  }

  /** A fault switched on or off through the process's own HTTP endpoint. */
  private void post(String name, String path, JsonObject body) {
    // The process may be busy (GC, restart); try a few times so a fault is never left in place.
    for (int i = 0; i < 20; i++) {
      var r = http.postNow(topology.url(name) + path, body, 1000);
      if (r != null && r.statusCode() == 200) return;
      PassengerGenerator.sleep(250);
    }
  }

  private static void check(Shell.Result r) {
    if (!r.ok()) throw new IllegalStateException("network fault failed: " + r.output());
  }
}
