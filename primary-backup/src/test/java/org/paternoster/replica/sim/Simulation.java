package org.paternoster.replica.sim;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.view.PingTiming;
import org.paternoster.view.TotalLossPolicy;
import org.paternoster.view.View;

/**
 * Runs one {@link Scenario}: a view service and three replicas (real cores) with three clients,
 * the scenario's faults for {@link Scenario#FAULT_PHASE_MS}, then a heal (links restored, crashed
 * processes restarted one by one, some much later than others, loss off) and up to {@link
 * #SETTLE_MS} for the cluster to settle, and the {@link SimChecker}'s end checks. Time is
 * simulated: a run takes milliseconds of CPU.
 */
final class Simulation {
  /** The fixed detector (even seeds). */
  static final PingTiming TIMING = new PingTiming(10, 5);
  /** The adaptive detector (odd seeds), its warm-up shortened to fit a schedule. */
  static final PingTiming ADAPTIVE = new PingTiming(10, 5, 200, 500);

  static PingTiming timing(long seed) {
    return seed % 2 == 0 ? TIMING : ADAPTIVE;
  }
  static final long SETTLE_MS = 4_000;

  /**
   * What a run found. {@code stuckByDesign}: a {@code wait} service waiting for replicas that are
   * gone; {@code cutWrites}: how many journal writes a crash cut short.
   */
  record Outcome(Scenario scenario, List<String> violations, int acknowledged, int destroyed, boolean stuckByDesign, int cutWrites) {
    /**
     * Whether a promise was broken. Without its disk the view service may give a number twice
     * (docs/ARCHITECTURE.md, invariant 4), which voids the promises that rest on unique lineages;
     * what still holds then is one lease holder at a time and no served call shown in a lineage.
     */
    boolean failed() {
      return !breaches().isEmpty();
    }

    /**
     * The violations that break a promise, and, when every replica had its disk, any acknowledged
     * press that lost every copy (a disk is a copy no crash takes: none may).
     */
    List<String> breaches() {
      List<String> out = new ArrayList<>(violations.stream().filter(this::promised).toList());
      if (scenario.replicaDisks() && destroyed > 0) {
        out.add("destroyedWithDisks: " + destroyed + " acknowledged presses lost every copy although every replica had its disk");
      }
      return out;
    }

    private boolean promised(String violation) {
      return scenario.viewServiceDisk() || violation.startsWith("twoLeases") || violation.startsWith("servedCallShown");
    }

    /** Violations of a view service without its disk that fall outside what it promises. */
    boolean unprotectedLoss() {
      return violations.stream().anyMatch(v -> !promised(v));
    }
  }

  private Simulation() {}

  static Outcome run(Scenario s) {
    return run(s, false);
  }

  /** @param stopClocksWhilePaused break the lease clock's assumption (a negative test of the checker) */
  static Outcome run(Scenario s, boolean stopClocksWhilePaused) {
    SimCluster c = new SimCluster(s.seed() * 31 + 7, timing(s.seed()), s.policy(), s.viewServiceDisk(), s.replicaDisks());
    SimNetwork net = c.net;
    net.stopClocksWhilePaused(stopClocksWhilePaused);
    for (int i = 0; i < Scenario.REPLICAS.size(); i++) net.drift(Scenario.REPLICAS.get(i), s.drift()[i]);
    net.drift(SimViewService.NODE, s.drift()[Scenario.REPLICAS.size()]);
    net.faults(s.loss(), s.duplication(), 1, s.maxDelayMs());
    Scenario.REPLICAS.forEach(c::startReplica);
    c.startClients(3);
    if (Boolean.getBoolean("sim.trace")) traceChanges(c);
    for (Scenario.Fault f : s.faults()) {
      Runnable fault = () -> inject(c, f);
      net.timer(SimCluster.WORLD, f.at(), f.onViewChange() ? () -> atNextViewChange(c, c.view().viewnum(), fault) : fault);
    }
    c.runFor(Scenario.FAULT_PHASE_MS);

    net.faults(0, 0, 1, 2);
    net.heal();
    c.disarmWrites();
    c.restartViewService();
    for (String id : Scenario.REPLICAS) if (net.isDown(id)) c.restartStraggling(id, 0);
    c.stopClients();
    boolean settled = c.runUntil(SETTLE_MS, c::quiescent);
    boolean stuck = false;
    if (settled) {
      c.checker.finalCheck(c.settledPrimary());
    } else if (s.policy() == TotalLossPolicy.WAIT && c.waitsByDesign()) {
      stuck = true; // consistency over availability, as configured
    } else {
      c.checker.violations.add("noProgressAfterHeal: not settled " + SETTLE_MS + " ms after the heal: " + c.describe());
    }
    return new Outcome(s, List.copyOf(c.checker.violations), c.checker.acknowledgedPresses(), c.checker.destroyedPresses(), stuck,
        c.cutWrites());
  }

  /** {@code -Dsim.trace=true}: prints the cluster whenever a role, view, book lineage or lease changes. */
  private static void traceChanges(SimCluster c) {
    System.out.println("=== run");
    String[] last = {""};
    c.net.afterEvent(() -> {
      c.checker.afterEvent();
      String now = c.describe().replaceAll(" at \\d+ ms", "").replaceAll(" last \\d+ with \\d+ calls|, committed \\d+", "");
      if (!now.equals(last[0])) System.out.println(c.net.now() + " ms: " + now);
      last[0] = now;
    });
  }

  /**
   * Runs {@code fault} at the first moment, checked every millisecond of the fault phase, when the
   * view service shows a view numbered above {@code viewnum} and not yet acked.
   */
  private static void atNextViewChange(SimCluster c, long viewnum, Runnable fault) {
    if (c.net.now() >= Scenario.FAULT_PHASE_MS) return;
    long now = c.view().viewnum();
    if (now > viewnum && !c.viewService.acked()) {
      fault.run();
    } else {
      c.net.timer(SimCluster.WORLD, 1, () -> atNextViewChange(c, Math.max(now, viewnum), fault));
    }
  }

  private static void inject(SimCluster c, Scenario.Fault f) {
    if (Boolean.getBoolean("sim.trace")) System.out.println(c.net.now() + " ms: FAULT " + f);
    SimNetwork net = c.net;
    String a = resolve(c, f.a());
    switch (f.kind()) {
      case KILL -> {
        c.kill(a);
        net.timer(SimCluster.WORLD, f.durationMs(), () -> {
          if (net.isDown(a)) c.startReplica(a);
        });
      }
      case KILL_VIEW_SERVICE -> {
        c.killViewService();
        net.timer(SimCluster.WORLD, f.durationMs(), c::restartViewService);
      }
      case VIEW_SERVICE_LEADER_CHANGE -> c.changeViewServiceLeader(f.durationMs());
      case POWER_LOSS -> {
        Scenario.REPLICAS.forEach(c::kill);
        Scenario.REPLICAS.forEach(id -> c.restartStraggling(id, f.durationMs()));
      }
      case CUT -> {
        String b = resolve(c, f.b());
        if (a.equals(b)) return;
        net.cut(a, b);
        net.timer(SimCluster.WORLD, f.durationMs(), () -> net.uncut(a, b));
      }
      case ISOLATE -> {
        List<String> others = new ArrayList<>(Scenario.REPLICAS);
        others.add(SimViewService.NODE);
        others.addAll(List.of("c1", "c2", "c3"));
        others.remove(a);
        others.forEach(o -> net.cut(a, o));
        net.timer(SimCluster.WORLD, f.durationMs(), () -> others.forEach(o -> net.uncut(a, o)));
      }
      case PAUSE -> net.pause(a, f.durationMs());
      case CUT_WRITE -> c.cutNextWrite(a, f.durationMs());
    }
  }

  /** "primary", "backup", "idle" as the view service sees them now (a fallback when there is none). */
  private static String resolve(SimCluster c, String selector) {
    View v = c.view();
    return switch (selector) {
      case "primary" -> v.primary() != null ? v.primary() : "r1";
      case "backup" -> v.backup() != null ? v.backup() : "r2";
      case "idle" -> Scenario.REPLICAS.stream().filter(r -> !v.hasRole(r)).findFirst().orElse("r3");
      default -> selector;
    };
  }

  /**
   * Cuts a failing scenario down: drops faults one at a time, then loss and duplication, keeping
   * each cut that still fails (delta debugging, one pass per change until none helps).
   */
  static Outcome shrink(Outcome failing, boolean stopClocksWhilePaused) {
    Outcome best = failing;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < best.scenario().faults().size() && !progress; i++) {
        Outcome o = run(best.scenario().without(i), stopClocksWhilePaused);
        if (o.failed()) {
          best = o;
          progress = true;
        }
      }
      if (!progress && (best.scenario().loss() > 0 || best.scenario().duplication() > 0)) {
        Outcome o = run(best.scenario().calm(), stopClocksWhilePaused);
        if (o.failed()) {
          best = o;
          progress = true;
        }
      }
    }
    return best;
  }
}
