package org.paternoster.replica.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.testing.ChildProcesses;

/**
 * The failure stories over real processes and HTTP: kill -9 (SIGKILL) of the primary during a
 * burst, a backup restarted empty, and the last replica standing restarted from its disk. Every
 * acknowledged order must be on the new primary.
 */
class FailoverProcessIT {
  @RegisterExtension final ChildProcesses processes = new ChildProcesses();

  @Test
  void killingThePrimaryDuringABurstLosesNoAcknowledgedOrder() {
    try (ProcessCluster cluster = new ProcessCluster(processes)) {
      cluster.startReplica("r1");
      cluster.startReplica("r2");
      cluster.startReplica("r3");
      cluster.awaitSettled("primary and backup");
      cluster.startClients(16);
      await("acks before the crash").atMost(Duration.ofSeconds(30)).until(() -> cluster.acknowledged.size() > 200);
      String primary = cluster.view().primary();
      cluster.kill9(primary);
      int atCrash = cluster.acknowledged.size();
      await("new primary").atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> !primary.equals(cluster.view().primary()) && cluster.acked());
      await("acks after the crash").atMost(Duration.ofSeconds(30)).until(() -> cluster.acknowledged.size() > atCrash + 200);
      cluster.stopClients();
      String newPrimary = cluster.view().primary();
      assertThat(cluster.missingOn(newPrimary)).as("acknowledged orders missing on %s", newPrimary).isEmpty();
      assertThat(cluster.missingOn(cluster.view().backup())).as("and on its backup").isEmpty();
    }
  }

  @Test
  void backupRestartedEmptyIsFilledBeforeItCanBePromoted() {
    try (ProcessCluster cluster = new ProcessCluster(processes)) {
      cluster.startReplica("r1");
      cluster.startReplica("r2");
      cluster.awaitSettled("primary and backup");
      cluster.startClients(4);
      await().atMost(Duration.ofSeconds(30)).until(() -> cluster.acknowledged.size() > 100);
      String backup = cluster.view().backup();
      long before = cluster.view().viewnum();
      cluster.kill9(backup);
      cluster.startReplica(backup);
      await("restarted backup back in a new view").atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> cluster.view().viewnum() > before && backup.equals(cluster.view().backup()) && cluster.acked());
      String primary = cluster.view().primary();
      cluster.kill9(primary);
      await("backup promoted").atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> backup.equals(cluster.view().primary()));
      cluster.stopClients();
      assertThat(cluster.missingOn(backup)).isEmpty();
    }
  }

  /**
   * Two machines with durable books; the backup's dies for good, then the primary, alone, is killed
   * and restarted from its disk. It must lead again (a new lineage after a total loss: until
   * 2026-12-02 the view service waited for another replica forever) with every order acknowledged
   * before, and acknowledge new ones.
   */
  @Test
  void theLastReplicaStandingRestartedFromItsDiskLeadsAgainWithEveryAcknowledgedOrder(@TempDir Path data) {
    try (ProcessCluster cluster = new ProcessCluster(processes)) {
      durablePairUnderLoad(cluster, data);
      String primary = cluster.view().primary();
      String backup = cluster.view().backup();
      cluster.kill9(backup);
      await("primary alone").atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> cluster.view().backup() == null && primary.equals(cluster.view().primary()) && cluster.acked());
      int alone = cluster.acknowledged.size();
      await("acks by the primary alone").atMost(Duration.ofSeconds(30)).until(() -> cluster.acknowledged.size() > alone + 100);
      long before = cluster.view().viewnum();
      cluster.kill9(primary);
      cluster.startReplica(primary, data.resolve(primary));
      await("the restarted replica leads a new lineage").atMost(Duration.ofSeconds(60)).ignoreExceptions()
          .until(() -> cluster.view().viewnum() > before && primary.equals(cluster.view().primary()) && cluster.view().rebuild()
              && cluster.acked());
      int restarted = cluster.acknowledged.size();
      await("acks after the restart").atMost(Duration.ofSeconds(30)).until(() -> cluster.acknowledged.size() > restarted + 50);
      cluster.stopClients();
      assertThat(cluster.missingOn(primary)).as("acknowledged orders missing on the restarted %s", primary).isEmpty();
    }
  }

  /**
   * Invariant 9: a power loss of both controller machines (kill -9 of both replicas) under {@code
   * --on-total-loss wait}, with durable books. Both restart from their disks. The processes the
   * view named are gone for good, so waiting for them would wait forever (as it did until
   * 2026-12-02); a restarted replica holding its predecessor's book untouched leads a new lineage,
   * with every order acknowledged before the loss.
   */
  @Test
  void withWaitAPowerLossOfBothReplicasEndsWhenTheyReturnFromTheirDisks(@TempDir Path data) {
    try (ProcessCluster cluster = new ProcessCluster(processes, "--on-total-loss", "wait")) {
      durablePairUnderLoad(cluster, data);
      long before = cluster.view().viewnum();
      cluster.kill9("r1");
      cluster.kill9("r2");
      int atLoss = cluster.acknowledged.size();
      startDurable(cluster, data);
      await("acks after the power loss").atMost(Duration.ofSeconds(60)).until(() -> cluster.acknowledged.size() > atLoss + 50);
      cluster.stopClients();
      assertThat(cluster.viewReasons()).as("views announced").anyMatch(r -> r.startsWith("total loss: new lineage from the durable book of"));
      String primary = cluster.view().primary();
      assertThat(cluster.missingOn(primary)).as("acknowledged orders missing on %s", primary).isEmpty();
    }
  }

  /** r1 and r2, each with its data dir under {@code data} (kept across restarts). */
  private static void startDurable(ProcessCluster cluster, Path data) {
    cluster.startReplica("r1", data.resolve("r1"));
    cluster.startReplica("r2", data.resolve("r2"));
  }

  /** r1 and r2 with durable books, settled as primary and backup, with 4 clients and 100 acknowledged orders. */
  private static void durablePairUnderLoad(ProcessCluster cluster, Path data) {
    startDurable(cluster, data);
    cluster.awaitSettled("primary and backup");
    cluster.startClients(4);
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster.acknowledged.size() > 100);
  }
}
