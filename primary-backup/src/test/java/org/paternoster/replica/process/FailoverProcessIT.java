package org.paternoster.replica.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paternoster.testing.ChildProcesses;

/**
 * The failure stories over real processes and HTTP: kill -9 (SIGKILL) of the primary during a
 * burst, and a backup restarted empty. Every acknowledged order must be on the new primary.
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
}
