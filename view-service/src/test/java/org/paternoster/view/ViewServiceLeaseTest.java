package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 on the view-service core, fake clock: leases (invariant 2), incarnations (invariant 8),
 * the total-loss policy, and numbering above what replicas report (invariant 4 without a disk).
 */
class ViewServiceLeaseTest {
  static final PingTiming TIMING = new PingTiming(100, 5);
  static final long START = 1_000;

  long now = START;
  ViewService vs = service(TotalLossPolicy.REBUILD);

  ViewService service(TotalLossPolicy policy) {
    return new ViewService(TIMING, policy, new SavedState(ViewState.INITIAL, List.of()), now);
  }

  PingAnswer ping(String server, String incarnation, long viewnum) {
    return vs.ping(server, viewnum, "http://" + server, incarnation, now);
  }

  /** a (a1) primary, b (b1) backup, acked, past the start-up guard. */
  void primaryAndBackup() {
    now = START + Math.max(TIMING.leaseGuardMs(), TIMING.deadAfterMs());
    ping("a", "a1", 0);
    ping("a", "a1", 1);
    ping("b", "b1", 0);
    ping("a", "a1", 2);
    ping("b", "b1", 2);
    assertThat(vs.state()).isEqualTo(new ViewState(new View(2, "a", "b", "http://a", "http://b", "a1", "b1", false), true));
  }

  @Test
  void onlyThePrimaryIncarnationIsGrantedALease() {
    primaryAndBackup();
    assertThat(ping("a", "a1", 2).leaseMs()).isEqualTo(TIMING.leaseMs());
    assertThat(ping("b", "b1", 2).leaseMs()).isZero();
    assertThat(ping("c", "c1", 0).leaseMs()).isZero();
  }

  @Test
  void aFreshServiceListensForOneDeadTimeBeforeAppointingAnyone() {
    assertThat(ping("a", "a1", 0).view()).as("it may have lost its disk: who knows a newer view?").isEqualTo(View.INITIAL);
    now = START + TIMING.deadAfterMs() - 1;
    assertThat(ping("a", "a1", 0).view()).isEqualTo(View.INITIAL);
    now = START + TIMING.deadAfterMs();
    assertThat(ping("a", "a1", 0).view().primary()).isEqualTo("a");
  }

  @Test
  void aRestartedServiceGrantsNoLeaseForOneGuardTime() {
    View saved = new View(3, "a", null, "http://a", null, "a1", null, false);
    vs = new ViewService(TIMING, TotalLossPolicy.REBUILD, new SavedState(new ViewState(saved, true), List.of()), now);
    assertThat(ping("a", "a1", 3).view()).as("resumed at once").isEqualTo(saved);
    now = START + TIMING.leaseGuardMs() - 1;
    assertThat(ping("a", "a1", 3).leaseMs()).as("a previous life may have leased someone").isZero();
    now = START + TIMING.leaseGuardMs();
    assertThat(ping("a", "a1", 3).leaseMs()).isEqualTo(TIMING.leaseMs());
  }

  @Test
  void aNewIncarnationOfThePrimaryIsARestartAndTheBackupIsLeasedOnlyAfterTheOldLeaseExpired() {
    primaryAndBackup();
    ping("a", "a1", 2); // granted at this instant
    long granted = now;
    now += 10;
    ping("a", "a2", 2); // killed and restarted at once, reporting the view it knew? no: another incarnation
    PingAnswer b = ping("b", "b1", 2);
    assertThat(b.view().primary()).as("primary restarted: the backup takes over").isEqualTo("b");
    assertThat(vs.lastChange().reason()).isEqualTo("primary restarted");
    assertThat(b.leaseMs()).as("invariant 2: a1's lease may still be held").isZero();
    now = granted + TIMING.leaseGuardMs();
    assertThat(ping("b", "b1", 2).leaseMs()).isEqualTo(TIMING.leaseMs());
    assertThat(ping("a", "a2", 0).leaseMs()).isZero();
  }

  @Test
  void aRestartedPrimaryWhoseBackupIsCutOffIsNeverAppointedInAViewThatHadState() {
    primaryAndBackup();
    long cut = now; // b stops reaching the view service (not a); a is killed and restarted at once
    for (now = cut + 10; now < cut + 2 * TIMING.totalLossAfterMs(); now += TIMING.intervalMs()) {
      PingAnswer a = ping("a", "a2", 0);
      assertThat(a.leaseMs()).as("the restarted a holds nothing: never leased before a new lineage").isEqualTo(
          a.view().isPrimary("a", "a2") ? a.leaseMs() : 0);
      vs.tick(now);
    }
    List<ViewChange> history = vs.history();
    assertThat(history.get(2).view()).as("primary restarted: b (which holds the orders) is promoted")
        .isEqualTo(new View(3, "b", "a", "http://b", "http://a", "b1", "a2", false));
    assertThat(history).filteredOn(c -> "a2".equals(c.view().primaryIncarnation()))
        .as("invariant 8: a2 is primary only of a new lineage, into which b's book is merged when it returns")
        .isNotEmpty()
        .allMatch(c -> c.view().rebuild());
  }

  /**
   * The last machine standing restarts its replica (found by the simulator: a primary alone that
   * died inside its journal write waited for its peers forever). Its new incarnation is the only
   * live server; after a total loss it starts a new lineage, never the old view, and only once the
   * old incarnation's lease has expired.
   */
  @Test
  void aPrimaryAloneThatRestartedStartsANewLineageItselfAfterATotalLoss() {
    primaryAndBackup();
    for (int i = 0; i < 2 * TIMING.deadAfterMs() / TIMING.intervalMs(); i++) { // b dies: a alone in view 3
      now += TIMING.intervalMs();
      ping("a", "a1", vs.view().viewnum());
      vs.tick(now);
    }
    assertThat(vs.state()).isEqualTo(new ViewState(new View(3, "a", null, "http://a", null, "a1", null, false), true));
    ping("a", "a1", 3); // its last lease
    long lastLease = now;
    long restart = now + 10;
    for (now = restart; now < restart + 2 * TIMING.totalLossAfterMs(); now += TIMING.intervalMs()) {
      PingAnswer a = ping("a", "a2", 0);
      if (now < lastLease + TIMING.leaseGuardMs()) assertThat(a.leaseMs()).as("a1's lease may still be held").isZero();
      vs.tick(now);
    }
    assertThat(vs.view()).as("a2 leads a new lineage").isEqualTo(new View(4, "a", null, "http://a", null, "a2", null, true));
    assertThat(vs.lastChange().reason()).startsWith("total loss");
    assertThat(vs.history()).filteredOn(c -> "a2".equals(c.view().primaryIncarnation())).allMatch(c -> c.view().rebuild());
  }

  @Test
  void withWaitTheServiceNeverStartsANewLineage() {
    vs = service(TotalLossPolicy.WAIT);
    primaryAndBackup();
    long cut = now;
    for (now = cut + 10; now < cut + 20 * TIMING.totalLossAfterMs(); now += TIMING.intervalMs()) {
      ping("c", "c1", 0);
      vs.tick(now);
    }
    assertThat(vs.view().viewnum()).as("consistency: wait for a or b").isEqualTo(2);
    ping("b", "b1", 2); // the backup comes back: promoted
    assertThat(vs.view().primary()).isEqualTo("b");
    assertThat(vs.view().rebuild()).isFalse();
  }

  PingAnswer pingRecovered(String server, String incarnation, String recoveredFrom) {
    return vs.ping(server, 0, 0, "http://" + server, incarnation, recoveredFrom, now);
  }

  /**
   * Every replica loses power now and stays silent until the service finds them dead; then each
   * process pings as {@code pings} says, every interval, until the view changes or {@code until}.
   */
  void afterAPowerLoss(long until, Runnable pings) {
    long silentUntil = now + 2 * TIMING.deadAfterMs();
    for (now += 10; now < silentUntil; now += TIMING.intervalMs()) vs.tick(now);
    long viewnum = vs.view().viewnum();
    for (; now < until && vs.view().viewnum() == viewnum; now += TIMING.intervalMs()) {
      pings.run();
      vs.tick(now);
    }
  }

  /**
   * Invariant 9, the power loss a controller with durable books exists for: a and b lose power,
   * and restart from their disks. Waiting for a1 or b1 would wait forever (they are gone); a2
   * recovered a1's book untouched, so it holds everything a1 acknowledged, and leads a new
   * lineage once a1's lease has expired.
   */
  @Test
  void withWaitARestartedPrimaryThatRecoveredItsDurableBookLeadsANewLineage() {
    vs = service(TotalLossPolicy.WAIT);
    primaryAndBackup();
    ping("a", "a1", 2); // its last lease
    long cut = now;
    afterAPowerLoss(cut + 20 * TIMING.totalLossAfterMs(), () -> {
      pingRecovered("a", "a2", "a1");
      pingRecovered("b", "b2", "b1");
    });
    assertThat(vs.view()).isEqualTo(new View(3, "a", "b", "http://a", "http://b", "a2", "b2", true));
    assertThat(vs.lastChange().reason()).isEqualTo("total loss: new lineage from the durable book of a1");
    assertThat(vs.lastChange().announcedAt()).as("after every lease, and the total-loss wait")
        .isGreaterThanOrEqualTo(Math.max(cut + TIMING.leaseGuardMs(), cut + TIMING.totalLossAfterMs()));
  }

  /** The backup's book is as good once the view is acked: b2 leads when a comes back in memory only. */
  @Test
  void withWaitTheBackupsRecoveredBookCountsInAnAckedView() {
    vs = service(TotalLossPolicy.WAIT);
    primaryAndBackup();
    afterAPowerLoss(now + 20 * TIMING.totalLossAfterMs(), () -> {
      pingRecovered("a", "a2", null); // no --data-dir, or a disk it could not read
      pingRecovered("b", "b2", "b1");
    });
    assertThat(vs.view()).isEqualTo(new View(3, "b", "a", "http://b", "http://a", "b2", "a2", true));
  }

  /**
   * What does not count: a book written by another incarnation than the view named (an older one:
   * a1 never wrote it), none (a book changed since its recovery is no longer reported), the right
   * book under another server's name, and (below) a backup's book in a view its primary never
   * acked (the transfer may not have reached it).
   */
  @Test
  void withWaitNoOtherBookEndsTheWait() {
    vs = service(TotalLossPolicy.WAIT);
    primaryAndBackup();
    afterAPowerLoss(now + 20 * TIMING.totalLossAfterMs(), () -> {
      pingRecovered("a", "a2", "a0");
      pingRecovered("b", "b2", null);
      pingRecovered("c", "c2", "b1"); // b's disk under c's name: not b
    });
    assertThat(vs.view().viewnum()).as("consistency: nobody holds what a1 or b1 acknowledged").isEqualTo(2);
  }

  @Test
  void withWaitABackupsBookDoesNotCountInAViewItsPrimaryNeverAcked() {
    vs = service(TotalLossPolicy.WAIT);
    now = START + Math.max(TIMING.leaseGuardMs(), TIMING.deadAfterMs());
    ping("a", "a1", 0);
    ping("a", "a1", 1);
    ping("b", "b1", 0); // view 2 (a, b), never acked by a
    assertThat(vs.state()).isEqualTo(new ViewState(new View(2, "a", "b", "http://a", "http://b", "a1", "b1", false), false));
    afterAPowerLoss(now + 20 * TIMING.totalLossAfterMs(), () -> pingRecovered("b", "b2", "b1"));
    assertThat(vs.view().viewnum()).as("b1 may never have received a1's book").isEqualTo(2);
    afterAPowerLoss(now + 20 * TIMING.totalLossAfterMs(), () -> pingRecovered("a", "a2", "a1"));
    assertThat(vs.view()).as("the primary's book counts").isEqualTo(new View(3, "a", null, "http://a", null, "a2", null, true));
  }

  /** Rebuild prefers a recovered book to an empty server: fewer calls to merge back, none missing meanwhile. */
  @Test
  void withRebuildARecoveredBookIsPreferredToAnEmptyServer() {
    primaryAndBackup();
    afterAPowerLoss(now + 20 * TIMING.totalLossAfterMs(), () -> {
      ping("c", "c1", 0);
      pingRecovered("a", "a2", "a1"); // b stays down
    });
    assertThat(vs.view().primary()).as("not c, which holds nothing, nor a last resort").isEqualTo("a");
    assertThat(vs.view().primaryIncarnation()).isEqualTo("a2");
    assertThat(vs.view().rebuild()).isTrue();
  }

  /**
   * Found by the simulator (seed 773): a service restarted from its disk assumes the primary of a
   * view numbered 2 or more has reported it, but the primary of a new lineage reports 0 until its
   * backup holds its book. Its next 0 passed for a restart, so the view was never acked and a WAIT
   * service stopped for good. The incarnation decides where it is known.
   */
  @Test
  void aZeroFromTheSameIncarnationIsNoRestartForAServiceRestartedFromItsDisk() {
    View lineage = new View(5, "a", "b", "http://a", "http://b", "a2", "b2", true);
    vs = new ViewService(TIMING, TotalLossPolicy.WAIT, new SavedState(new ViewState(lineage, false), List.of()), now);
    ping("a", "a2", 0);
    ping("b", "b2", 5);
    ping("a", "a2", 5); // its backup holds its book now
    assertThat(vs.state()).isEqualTo(new ViewState(lineage, true));
  }

  @Test
  void withRebuildATotalLossStartsALineageOnlyAfterEveryLeaseExpired() {
    primaryAndBackup();
    ping("a", "a1", 2);
    long cut = now;
    for (now = cut + 10; vs.view().viewnum() == 2 && now < cut + 2 * TIMING.totalLossAfterMs(); now += TIMING.intervalMs()) {
      ping("c", "c1", 0);
      vs.tick(now);
    }
    View rebuilt = vs.view();
    assertThat(rebuilt.primary()).isEqualTo("c");
    assertThat(rebuilt.rebuild()).as("a new lineage").isTrue();
    assertThat(rebuilt.primaryIncarnation()).isEqualTo("c1");
    assertThat(vs.lastChange().reason()).startsWith("total loss");
    assertThat(vs.lastChange().announcedAt()).isGreaterThanOrEqualTo(cut + TIMING.leaseGuardMs());
  }

  @Test
  void aServiceThatLostItsDiskNumbersAboveWhatTheReplicasReport() {
    assertThat(ping("b", "b1", 17).view()).as("it listens for one dead time first").isEqualTo(View.INITIAL);
    now += TIMING.deadAfterMs();
    PingAnswer first = ping("b", "b1", 17);
    assertThat(first.view().viewnum()).as("invariant 4: above view 17, which replicas would ignore otherwise").isEqualTo(18);
    assertThat(first.view().rebuild()).as("it cannot know whose book is complete: a new lineage, merged").isTrue();
    ping("a", "a1", 23); // someone knew an even later view
    assertThat(vs.view().viewnum()).isEqualTo(24);
    assertThat(vs.view().primary()).as("same roles, renumbered").isEqualTo("b");
    assertThat(vs.lastChange().reason()).startsWith("renumbered");
  }

  /**
   * Simulated seed 19170: a service that lost its disk appointed b (b1), which restarted as b2 in
   * that view; then a server reported a later view, and the view renumbered above it still named
   * b1. The service took b2 for b1 with its state there (b2 had lost it under the old number), and
   * waited for it forever. The lost state now follows the incarnation, not the number.
   */
  @Test
  void aRenumberedViewWhosePrimaryRestartedUnderTheOldNumberIsReplacedNotWaitedForForever() {
    ping("b", "b1", 0);
    now += TIMING.deadAfterMs();
    View first = ping("b", "b1", 0).view();
    ping("b", "b1", first.viewnum());
    assertThat(vs.state()).isEqualTo(new ViewState(first, true));
    ping("b", "b2", 0); // b restarts: its state is gone
    ping("a", "a1", 9); // a knew a later view
    assertThat(vs.view().viewnum()).isEqualTo(10);
    assertThat(vs.view().primaryIncarnation()).as("renumbered: same roles").isEqualTo("b1");
    for (long until = now + 2 * TIMING.totalLossAfterMs(); now <= until && vs.view().viewnum() == 10; now += TIMING.intervalMs()) {
      ping("a", "a1", 9);
      ping("b", "b2", 0);
      vs.tick(now);
    }
    assertThat(vs.view().viewnum()).as("b1 is gone: its view is not waited for").isGreaterThan(10);
    assertThat(vs.view().rebuild()).as("nobody holds b1's book: a new lineage, merged").isTrue();
    assertThat(vs.lastChange().reason()).startsWith("total loss");
  }

  @Test
  void aServiceThatLostItsDiskAppointsWhoeverReportsTheNewestViewNotWhoeverPingsFirst() {
    ping("a", "a1", 5); // slept through view 6
    ping("b", "b1", 6); // primary of view 6, which holds the newest book
    now += TIMING.deadAfterMs();
    ping("a", "a1", 5);
    assertThat(vs.view()).extracting(View::viewnum, View::primary, View::rebuild).containsExactly(7L, "b", true);
  }

  @Test
  void aBackupThatRestartsBeforeTheViewIsAckedIsReplacedNotWaitedForForever() {
    primaryAndBackup();
    ping("c", "c1", 0);
    for (long until = now + TIMING.deadAfterMs(); now <= until; now += TIMING.intervalMs()) {
      ping("a", "a1", 2);
      ping("c", "c1", 0);
      vs.tick(now);
    }
    assertThat(vs.view()).as("b died: c is the new backup, view not acked yet")
        .isEqualTo(new View(3, "a", "c", "http://a", "http://c", "a1", "c1", false));
    ping("c", "c2", 0); // c restarts before the transfer: it can never ack view 3 (invariant 8)
    assertThat(vs.view().viewnum()).isEqualTo(4);
    assertThat(vs.view().primary()).as("the primary keeps its state").isEqualTo("a");
    assertThat(vs.view().backupIncarnation()).isEqualTo("c2");
    assertThat(vs.lastChange().reason()).isEqualTo("backup restarted before the view was acked");
  }

  @Test
  void leaseLedgerGrantsOneHolderAtATime() {
    LeaseLedger ledger = new LeaseLedger(TIMING, 0);
    long guard = TIMING.leaseGuardMs();
    assertThat(ledger.grant("a/1", guard - 1)).isFalse();
    assertThat(ledger.grant("a/1", guard)).isTrue();
    assertThat(ledger.grant("a/1", guard + 50)).as("renewal").isTrue();
    assertThat(ledger.grant("b/1", guard + 50 + guard - 1)).isFalse();
    assertThat(ledger.allExpired(guard + 50 + guard)).isTrue();
    assertThat(ledger.grant("b/1", guard + 50 + guard)).isTrue();
    assertThat(ledger.holder()).isEqualTo("b/1");
  }

  @Test
  void theLeaseMarginCoversTheStatedDriftAndStaysBelowTheDeadTime() {
    for (PingTiming t : List.of(TIMING, new PingTiming(25, 6), new PingTiming(10, 2))) {
      double worstHeld = t.leaseMs() / (1 - PingTiming.MAX_DRIFT); // a slow primary clock
      double earliestFree = t.leaseGuardMs() / (1 + PingTiming.MAX_DRIFT); // a fast view-service clock
      assertThat(earliestFree).isGreaterThanOrEqualTo(worstHeld - 1); // integer rounding of ms
      assertThat(t.leaseGuardMs()).isLessThan(t.deadAfterMs());
      assertThat(t.leaseMs()).as("renewed before it lapses").isGreaterThan(t.intervalMs());
    }
  }
}
