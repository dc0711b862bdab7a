package org.paternoster.replica.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paternoster.view.PingTiming;

/**
 * The failure stories of issue 3 on a deterministic in-memory cluster: each seed is one exact
 * interleaving, replayable. Every scenario records each acknowledgement and checks the whole
 * history at the end (invariants 1 and 2), not just that it ran.
 */
class SplitBrainSimTest {
  static final PingTiming TIMING = new PingTiming(100, 5);

  SimCluster cluster(long seed) {
    SimCluster c = new SimCluster(seed, TIMING);
    for (String id : List.of("r1", "r2", "r3")) c.startReplica(id);
    c.await("primary and backup settled", 5_000, () -> c.settledPrimary() != null && c.view().backup() != null);
    return c;
  }

  void settleAndCheck(SimCluster c) {
    c.stopClients();
    c.runFor(2_000);
    c.await("settled after faults", 10_000, () -> c.settledPrimary() != null);
    c.assertNoAcknowledgedOrderLost();
    c.assertOneWriterPerView();
    c.assertReplicasAgree();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void killingThePrimaryDuringABurstLosesNoAcknowledgedOrder(long seed) {
    SimCluster c = cluster(seed);
    c.startClients(8);
    c.runFor(1_000);
    String oldPrimary = c.view().primary();
    long before = c.acks().size();
    c.kill(oldPrimary);
    c.await("a new primary", 5_000, () -> c.settledPrimary() != null && !oldPrimary.equals(c.view().primary()));
    c.runFor(1_000);
    assertThat(c.acks().size()).as("clients carried on with the new primary").isGreaterThan((int) before);
    settleAndCheck(c);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void primaryCutOffFromTheViewServiceCannotCommitAfterTheViewChange(long seed) {
    SimCluster c = cluster(seed);
    c.startClients(4);
    c.runFor(500);
    String old = c.view().primary();
    long oldView = c.view().viewnum();
    c.isolate(old, SimCluster.VS); // still reaches the backup and the clients
    c.await("view change without " + old, 5_000, () -> c.view().viewnum() > oldView && !old.equals(c.view().primary()));
    long changedAt = c.view().viewnum();
    c.runFor(2_000);
    assertThat(c.acks()).as("the cut-off primary acknowledged nothing in later views")
        .noneMatch(a -> a.replica().equals(old) && a.viewnum() >= changedAt);
    assertThat(c.acks()).as("clients got commits from the new primary")
        .anyMatch(a -> a.viewnum() >= changedAt && !a.replica().equals(old));
    c.network().heal();
    settleAndCheck(c);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void backupRestartedEmptyGetsTheWholeStateBeforeTheViewIsAcked(long seed) {
    SimCluster c = cluster(seed);
    c.startClients(4);
    c.runFor(500);
    String backup = c.view().backup();
    c.kill(backup);
    c.startReplica(backup); // pings 0: treated as dead, then taken back as a fresh server
    c.await("the restarted server holds state as backup", 10_000, () -> {
      var p = c.settledPrimary();
      return p != null && c.view().backup() != null
          && c.replica(c.view().backup()).core.book().lastSeq() > 0;
    });
    c.runFor(500);
    String primary = c.view().primary();
    c.kill(primary);
    c.await("promotion", 5_000, () -> c.settledPrimary() != null && !primary.equals(c.view().primary()));
    settleAndCheck(c);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void lostDuplicatedAndReorderedMessagesNeverMakeReplicasDisagree(long seed) {
    SimCluster c = cluster(seed);
    c.network().faults(0.3, 0.2, 1, 40);
    c.startClients(6);
    c.runFor(10_000);
    c.network().faults(0, 0, 1, 2);
    assertThat(c.acks()).as("progress despite 30%% loss").hasSizeGreaterThan(20);
    settleAndCheck(c);
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9})
  void repeatedKillAndRestartOfRandomReplicasNeverLosesAnAcknowledgedOrder(long seed) {
    SimCluster c = cluster(seed);
    Random random = new Random(seed);
    c.startClients(6);
    for (int round = 0; round < 12; round++) {
      String victim = "r" + (1 + random.nextInt(3));
      c.kill(victim);
      c.runFor(200 + random.nextInt(800));
      c.startReplica(victim);
      c.await("settled with a backup again", 10_000, () -> c.settledPrimary() != null && c.view().backup() != null);
      c.runFor(random.nextInt(500));
    }
    assertThat(c.acks()).hasSizeGreaterThan(50);
    settleAndCheck(c);
  }
}
