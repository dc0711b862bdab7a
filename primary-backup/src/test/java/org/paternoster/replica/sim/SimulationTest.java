package org.paternoster.replica.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's proof by simulation: thousands of seeded schedules of the real view-service and
 * replica cores under crashes, restarts, a view service with and without its disk, replicas with
 * and without theirs (a power loss of all of them at once, and crashes inside a journal write), partitions of any subset,
 * pauses, loss, duplication, reordering and clock drift, each checked continuously by
 * {@link SimChecker}. A failure is shrunk and printed with its seed; replay one schedule with
 * {@code -Dsim.seed=N}, run more with {@code -Dsim.schedules=N} (or {@code scripts/bench-sim.sh}).
 */
class SimulationTest {
  static final int SCHEDULES = Integer.getInteger("sim.schedules", 10_000);
  static final long FIRST_SEED = Long.getLong("sim.firstSeed", 1);

  @Test
  void everyScheduleKeepsEveryAcknowledgedOrderAndOneLeaseHolder() {
    Long only = Long.getLong("sim.seed");
    List<Simulation.Outcome> failed = new ArrayList<>();
    long acknowledged = 0;
    int faulty = 0;
    long first = only != null ? only : FIRST_SEED;
    int count = only != null ? 1 : SCHEDULES;
    // Schedules are independent and deterministic: run them on every core, report in seed order.
    List<Simulation.Outcome> outcomes = java.util.stream.LongStream.range(first, first + count).parallel()
        .mapToObj(seed -> Simulation.run(Scenario.generate(seed))).toList();
    List<Long> unprotected = new ArrayList<>();
    for (Simulation.Outcome o : outcomes) {
      acknowledged += o.acknowledged();
      if (!o.scenario().faults().isEmpty()) faulty++;
      if (o.failed()) failed.add(o);
      if (o.unprotectedLoss()) unprotected.add(o.scenario().seed());
      if (only != null && !o.violations().isEmpty()) System.out.println("seed " + only + ": " + o.scenario() + "\n" + String.join("\n", o.violations()));
    }
    // Reported, not asserted: a view service without --data-dir is outside the safety argument.
    System.out.println("schedules with a view service without its disk that lost or relit a call: " + unprotected);
    String report = "";
    if (!failed.isEmpty()) {
      Simulation.Outcome shrunk = Simulation.shrink(failed.get(0), false);
      report = failed.size() + " of " + count + " schedules failed (seeds "
          + failed.stream().limit(20).map(o -> String.valueOf(o.scenario().seed())).toList() + "); the first, shrunk:\n"
          + shrunk.scenario() + "\n" + String.join("\n", shrunk.breaches());
    }
    assertThat(failed).as(report).isEmpty();
    if (count >= 100) { // a sanity check of the runs themselves, not of one replayed seed
      assertThat(acknowledged).as("clients made progress").isGreaterThan(100L * count);
      assertThat(faulty).as("most schedules inject faults").isGreaterThan(count / 2);
      long powerLosses = outcomes.stream().filter(o -> o.scenario().faults().stream().anyMatch(f -> f.kind() == Scenario.Kind.POWER_LOSS)).count();
      assertThat(powerLosses).as("schedules that cut every replica's power").isGreaterThan(count / 10);
      int cutWrites = outcomes.stream().mapToInt(Simulation.Outcome::cutWrites).sum();
      assertThat(cutWrites).as("journal writes a crash cut short").isGreaterThan(count / 20);
    }
  }

  /**
   * Six schedules in seeds 1-50,000 once lost or relit calls, or stopped making progress, with a
   * view service that restarted without its disk (2026-11-29); two bugs in how lineages and views
   * were told apart by number alone (ReplicaTest, ViewServiceLeaseTest). Such a service is still
   * outside the safety argument, so the suite reports those schedules rather than failing on them;
   * these six are held to every promise.
   */
  @Test
  void theSchedulesThatOnceLostCallsWithoutTheViewServicesDiskKeepEveryPromise() {
    for (long seed : new long[] {5679, 9835, 19170, 22442, 27213, 27741}) {
      Simulation.Outcome o = Simulation.run(Scenario.generate(seed));
      assertThat(o.scenario().viewServiceDisk()).isFalse();
      assertThat(o.violations()).as("seed " + seed).isEmpty();
    }
  }

  /**
   * A primary left alone (its peers killed) dies inside its journal writes again and again, each
   * time keeping a random prefix of what it wrote, and restarts at once: every press it
   * acknowledged must be on its disk and come back, and each time it must lead again, as a new
   * lineage after a total loss, and write again. Until 2026-12-02 the view service never chose
   * the lost primary's new incarnation: the last replica standing, restarted, waited for its
   * peers forever, and this schedule cut one write per seed instead of five.
   */
  @Test
  void aPrimaryAloneThatDiesInsideItsJournalWritesLosesNoAcknowledgedPress() {
    List<Scenario.Fault> faults = new ArrayList<>();
    faults.add(new Scenario.Fault(150, Scenario.Kind.KILL, "r2", null, Scenario.FAULT_PHASE_MS));
    faults.add(new Scenario.Fault(150, Scenario.Kind.KILL, "r3", null, Scenario.FAULT_PHASE_MS));
    for (long at = 300; at < Scenario.FAULT_PHASE_MS; at += 100) faults.add(new Scenario.Fault(at, Scenario.Kind.CUT_WRITE, "primary", null, 0));
    long acknowledged = 0;
    for (long seed = 1; seed <= 20; seed++) {
      Scenario s = new Scenario(seed, 0, 0, 2, org.paternoster.view.TotalLossPolicy.REBUILD, true, true, new double[4], faults);
      Simulation.Outcome o = Simulation.run(s);
      assertThat(o.breaches()).as("seed " + seed).isEmpty();
      assertThat(o.cutWrites()).as("seed " + seed + ": writes cut, each after the restarted primary led again").isGreaterThanOrEqualTo(3);
      acknowledged += o.acknowledged();
    }
    assertThat(acknowledged).as("presses acknowledged").isGreaterThan(1_000);
  }

  /**
   * Invariant 9: with {@code --on-total-loss wait} and durable books, every replica loses power
   * three times, some of them inside a journal write. The processes the view named never return,
   * so until 2026-12-02 the first power loss stopped the controller for good (stuck by design);
   * now a replica that recovered a named process's book leads a new lineage each time, and no
   * acknowledged press is lost.
   */
  @Test
  void withWaitEveryPowerLossEndsWhenAReplicaRecoversANamedProcesssBook() {
    List<Scenario.Fault> faults = new ArrayList<>();
    for (long at = 300; at < Scenario.FAULT_PHASE_MS - 600; at += 600) {
      faults.add(new Scenario.Fault(at - 20, Scenario.Kind.CUT_WRITE, "primary", null, 50));
      faults.add(new Scenario.Fault(at, Scenario.Kind.POWER_LOSS, "all", null, 150));
    }
    long acknowledged = 0;
    for (long seed = 1; seed <= 20; seed++) {
      Scenario s = new Scenario(seed, 0.02, 0, 5, org.paternoster.view.TotalLossPolicy.WAIT, true, true, new double[4], faults);
      Simulation.Outcome o = Simulation.run(s);
      assertThat(o.violations()).as("seed " + seed).isEmpty();
      assertThat(o.stuckByDesign()).as("seed " + seed + ": waited for processes that never return").isFalse();
      acknowledged += o.acknowledged();
    }
    assertThat(acknowledged).as("presses acknowledged").isGreaterThan(500);
  }

  /**
   * Invariant 9's second half: the backup's durable book ends a {@code wait} only once its view
   * is acked. Here the backup is cut off from the view service and dropped; its primary goes on
   * alone and acknowledges presses the backup never sees; the backup returns and is named again,
   * but a cut between the two keeps the transfer (and so the view's acknowledgement) from
   * happening; then every replica loses power, and the backup's machine comes back long before
   * the primary's. Its disk names the process the view names as backup, yet lacks those presses:
   * accepting it (a mutant that survived 10,000 random schedules, 2026-12-02) leads without them,
   * and the checker says so ({@code waitLedWithout}). The rule waits for the primary's book.
   */
  @Test
  void withWaitTheBackupsBookOfAViewNeverAckedDoesNotEndAPowerLoss() {
    for (long seed = 1; seed <= 10; seed++) {
      SimCluster c = new SimCluster(seed, Simulation.TIMING, org.paternoster.view.TotalLossPolicy.WAIT, true, true);
      Scenario.REPLICAS.forEach(c::startReplica);
      c.startClients(3);
      c.await("a backup joined", 1_000, () -> c.view().backup() != null && c.viewService.acked());
      String primary = c.view().primary();
      String backup = c.view().backup();
      Scenario.REPLICAS.stream().filter(r -> !c.view().hasRole(r)).forEach(c::kill);
      c.net.cut(backup, SimViewService.NODE);
      c.await("the backup dropped", 1_000, () -> c.view().backup() == null && c.viewService.acked());
      int alone = c.checker.acknowledgedPresses();
      c.runFor(200);
      assertThat(c.checker.acknowledgedPresses()).as("seed " + seed + ": presses the primary acknowledged alone").isGreaterThan(alone);
      c.net.cut(primary, backup);
      c.net.uncut(backup, SimViewService.NODE);
      c.await("the backup named again", 1_000, () -> backup.equals(c.view().backup()));
      c.runFor(100);
      assertThat(c.viewService.acked()).as("seed " + seed + ": the view is not acked while no transfer reaches the backup").isFalse();
      Scenario.REPLICAS.forEach(c::kill);
      c.net.uncut(primary, backup);
      c.runFor(50);
      c.startReplica(backup);
      c.runFor(1_500); // three times the total-loss wait, every lease long expired
      assertThat(c.checker.violations).as("seed " + seed).isEmpty();
      c.startReplica(primary);
      c.stopClients();
      assertThat(c.runUntil(Simulation.SETTLE_MS, () -> c.settledPrimary() != null && c.settledPrimary().id().equals(primary)))
          .as("seed " + seed + ": the primary's book leads again (" + c.describe() + ")").isTrue();
      c.checker.finalCheck(c.settledPrimary());
      assertThat(c.checker.violations).as("seed " + seed).isEmpty();
    }
  }

  @Test
  void theCheckerCatchesALeaseCountedByAClockThatStopsWhileSuspended() {
    // The lease assumes a clock that keeps counting across a suspend (LeaseClock). Break that, and
    // a paused primary wakes up believing its lease valid while its successor holds one.
    int caught = 0;
    for (long seed = 1; seed <= 400 && caught == 0; seed++) {
      if (Simulation.run(Scenario.generate(seed), true).violations().stream().anyMatch(v -> v.startsWith("twoLeases"))) caught++;
    }
    assertThat(caught).as("a violation found within 400 schedules").isPositive();
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    for (long seed = 1; seed <= 20; seed++) {
      Simulation.Outcome a = Simulation.run(Scenario.generate(seed));
      Simulation.Outcome b = Simulation.run(Scenario.generate(seed));
      assertThat(b.acknowledged()).isEqualTo(a.acknowledged());
      assertThat(b.violations()).isEqualTo(a.violations());
    }
  }
}
