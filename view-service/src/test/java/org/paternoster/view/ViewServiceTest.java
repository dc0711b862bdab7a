package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The view-service rules (issue 2, MIT 6.824 rules 1-7) on a fake clock: ms, no sockets, no sleeps. */
class ViewServiceTest {
  static final PingTiming TIMING = new PingTiming(100, 5);
  static final long DEAD = TIMING.deadAfterMs();

  ViewService vs = new ViewService(TIMING);
  long now = 1_000;

  View ping(String server, long viewnum) {
    return vs.ping(server, viewnum, "http://" + server, now);
  }

  /**
   * Moves the clock to {@code t}, the service ticking every tick interval on the way as its verticle
   * does: a service that is not ticked is paused, and its pauses count as nobody's silence.
   */
  void advanceTo(long t) {
    for (long at = now + TIMING.tickMs(); at < t; at += TIMING.tickMs()) vs.tick(at);
    now = t;
  }

  /** Advances time by one ping interval, the listed servers pinging with their current knowledge. */
  void interval(String... alive) {
    advanceTo(now + TIMING.intervalMs());
    for (String s : alive) ping(s, vs.view().hasRole(s) ? vs.view().viewnum() : 0);
    vs.tick(now);
  }

  /** a primary, b backup, acked. */
  void primaryAndBackup() {
    ping("a", 0);
    ping("a", 1);
    ping("b", 0);
    ping("a", 2);
    ping("b", 2);
    assertThat(vs.state()).isEqualTo(new ViewState(new View(2, "a", "b", "http://a", "http://b"), true));
  }

  @Test
  void startsAtViewZeroWithNobody() {
    assertThat(vs.view()).isEqualTo(View.INITIAL);
    vs.tick(now + 10 * DEAD);
    assertThat(vs.view()).isEqualTo(View.INITIAL);
  }

  @Test
  void firstServerToPingBecomesPrimaryOfView1() {
    View v = ping("a", 0);
    assertThat(v).isEqualTo(new View(1, "a", null, "http://a", null));
    assertThat(vs.acked()).isFalse();
  }

  @Test
  void secondServerBecomesBackupOnceThePrimaryAcked() {
    ping("a", 0);
    assertThat(ping("b", 0).viewnum()).as("rule 2: no backup before the ack").isEqualTo(1);
    assertThat(ping("a", 1)).isEqualTo(new View(2, "a", "b", "http://a", "http://b"));
    assertThat(vs.lastChange().reason()).isEqualTo("backup joined");
  }

  @Test
  void backupTakesOverWhenPrimaryDies() {
    primaryAndBackup();
    long primaryLastPing = now;
    while (vs.view().viewnum() == 2) interval("b");
    assertThat(vs.view()).isEqualTo(new View(3, "b", null, "http://b", null));
    assertThat(now - primaryLastPing).isEqualTo(DEAD);
    assertThat(vs.lastChange().reason()).isEqualTo("primary dead");
    assertThat(vs.lastChange().failoverMs()).isEqualTo(DEAD);
  }

  @Test
  void restartedServerBecomesBackup() {
    primaryAndBackup();
    while (vs.view().viewnum() == 2) interval("b");
    interval("a", "b"); // a came back with no state and pings 0; b acks view 3 in the same interval
    assertThat(vs.view()).isEqualTo(new View(4, "b", "a", "http://b", "http://a"));
  }

  @Test
  void idleThirdServerBecomesBackupWhenThePrimaryDiesInOneViewChange() {
    primaryAndBackup();
    ping("c", 0);
    assertThat(vs.view().viewnum()).as("an idle server alone changes nothing").isEqualTo(2);
    while (vs.view().viewnum() == 2) interval("b", "c");
    assertThat(vs.view()).isEqualTo(new View(3, "b", "c", "http://b", "http://c"));
  }

  @Test
  void idleServerReplacesADeadBackup() {
    primaryAndBackup();
    while (vs.view().viewnum() == 2) interval("a", "c");
    assertThat(vs.view()).isEqualTo(new View(3, "a", "c", "http://a", "http://c"));
    assertThat(vs.lastChange().reason()).isEqualTo("backup dead");
    assertThat(vs.lastChange().failoverMs()).isNull();
  }

  @Test
  void deadBackupIsRemovedWhenNoIdleServerIsLeft() {
    primaryAndBackup();
    while (vs.view().viewnum() == 2) interval("a");
    assertThat(vs.view()).isEqualTo(new View(3, "a", null, "http://a", null));
  }

  @Test
  void restartedPrimaryIsTreatedAsDead() {
    primaryAndBackup();
    advanceTo(now + 40);
    View v = ping("a", 0);
    assertThat(v.primary()).isEqualTo("b");
    assertThat(v.viewnum()).isEqualTo(3);
    assertThat(v.backup()).as("the restarted server is live and idle: it may be the new backup").isEqualTo("a");
    assertThat(vs.lastChange().reason()).isEqualTo("primary restarted");
    assertThat(vs.lastChange().failoverMs()).as("from a's last ping with state").isEqualTo(40);
  }

  @Test
  void restartedPrimaryIsReplacedByAnotherIdleServerFirst() {
    primaryAndBackup();
    ping("c", 0);
    assertThat(ping("a", 0)).isEqualTo(new View(3, "b", "c", "http://b", "http://c"));
  }

  @Test
  void restartedBackupIsReplacedAndMayComeBackAsBackup() {
    primaryAndBackup();
    assertThat(ping("b", 0)).isEqualTo(new View(3, "a", "b", "http://a", "http://b"));
    assertThat(vs.lastChange().reason()).isEqualTo("backup restarted");
  }

  @Test
  void newBackupPingingZeroBeforeItLearnsTheViewHasNotRestarted() {
    ping("a", 0);
    ping("a", 1);
    ping("b", 0);
    ping("a", 2);
    ping("b", 0);
    assertThat(vs.view().viewnum()).isEqualTo(2);
  }

  @Test
  void waitsForThePrimaryToAckBeforeAnyChange() {
    ping("a", 0);
    for (int i = 0; i < 10; i++) {
      interval("b");
      ping("a", 0);
    }
    assertThat(vs.view().viewnum()).as("rule 2: view 1 was never acked").isEqualTo(1);
    assertThat(ping("a", 1).viewnum()).isEqualTo(2);
  }

  @Test
  void unackedPrimaryDyingWithABackupStillBlocksTheChange() {
    primaryAndBackup();
    ping("c", 0);
    while (vs.view().viewnum() == 2) interval("a", "c"); // b dies: view 3 (a, c), not acked yet
    assertThat(vs.state()).isEqualTo(new ViewState(new View(3, "a", "c", "http://a", "http://c"), false));
    for (int i = 0; i < 20; i++) {
      advanceTo(now + TIMING.intervalMs());
      ping("c", 3);
      vs.tick(now);
    }
    assertThat(vs.view().viewnum()).as("a never acked view 3: c is not promoted").isEqualTo(3);
  }

  @Test
  void uninitializedServerNeverBecomesPrimary() {
    ping("a", 0);
    ping("a", 1);
    for (int i = 0; i < 20; i++) interval("c");
    assertThat(vs.view()).as("no backup: wait for the primary").isEqualTo(new View(2, "a", "c", "http://a", "http://c"));

    for (int i = 0; i < 20; i++) interval("d");
    assertThat(vs.view().primary()).as("primary a dead, backup c dead, d idle").isEqualTo("a");
    assertThat(vs.view().viewnum()).isEqualTo(2);
  }

  @Test
  void primaryDeadWithoutBackupWaitsUntilTotalLoss() {
    ping("a", 0);
    ping("a", 1);
    long lastPing = now;
    advanceTo(lastPing + TIMING.totalLossAfterMs() - 1);
    vs.tick(now);
    ping("c", 0);
    assertThat(vs.view()).as("still waiting for a").isEqualTo(new View(1, "a", null, "http://a", null));
    advanceTo(lastPing + TIMING.totalLossAfterMs());
    ping("c", 0);
    assertThat(vs.view()).as("total loss: a live server takes over, empty").isEqualTo(new View(2, "c", null, "http://c", null, null, null, true));
    assertThat(vs.lastChange().reason()).startsWith("total loss");
    assertThat(vs.lastChange().failoverMs()).isEqualTo(TIMING.totalLossAfterMs());
  }

  @Test
  void totalLossPrefersALiveBackupOfAnUnackedView() {
    primaryAndBackup();
    ping("c", 0);
    while (vs.view().viewnum() == 2) interval("a", "c"); // b dies: view 3 (a, c), never acked
    long lastPingOfA = now;
    while (now < lastPingOfA + TIMING.totalLossAfterMs()) {
      advanceTo(now + TIMING.intervalMs());
      ping("c", 3);
      ping("d", 0);
      vs.tick(now);
    }
    assertThat(vs.view()).isEqualTo(new View(4, "c", "d", "http://c", "http://d", null, null, true));
  }

  @Test
  void deadBackupIsNotPromoted() {
    primaryAndBackup();
    advanceTo(now + DEAD); // both silent for the whole dead interval, noticed at the same tick
    vs.tick(now);
    ping("c", 0);
    assertThat(vs.view().viewnum()).isEqualTo(2);
    assertThat(vs.view().primary()).isEqualTo("a");
  }

  @Test
  void restartedBackupIsNotPromotedWhenThePrimaryDies() {
    primaryAndBackup();
    advanceTo(now + DEAD - 1);
    ping("b", 2);
    advanceTo(now + 1); // a is dead from now on
    assertThat(ping("b", 0).viewnum()).as("b restarted in the same instant: it has no state to serve").isEqualTo(2);
    for (int i = 0; i < 20; i++) interval("b", "c");
    assertThat(vs.view().primary()).isEqualTo("a");
  }

  @Test
  void aliveOneIntervalEarlyAndAtDeadlineMinusOneDeadAtTheDeadline() {
    primaryAndBackup();
    long lastPing = now;
    advanceTo(lastPing + DEAD - TIMING.intervalMs());
    ping("b", 2);
    assertThat(vs.view().viewnum()).as("one interval early").isEqualTo(2);
    advanceTo(lastPing + DEAD - 1);
    ping("b", 2);
    vs.tick(now);
    assertThat(vs.view().viewnum()).as("deadline - 1 ms").isEqualTo(2);
    advanceTo(lastPing + DEAD);
    vs.tick(now);
    assertThat(vs.view().primary()).as("dead exactly at the deadline").isEqualTo("b");
  }

  @Test
  void aRestoredServiceGivesThePrimaryAndBackupAFullDeadIntervalOfGrace() {
    View saved = new View(7, "a", "b", "http://a", "http://b");
    vs = new ViewService(TIMING, new SavedState(new ViewState(saved, true), List.of()), now);
    advanceTo(now + DEAD - 1);
    vs.tick(now);
    assertThat(vs.view()).isEqualTo(saved);
    advanceTo(now + DEAD - 1);
    ping("b", 7);
    advanceTo(now + 1);
    vs.tick(now);
    assertThat(vs.view()).as("rule 7: numbers continue from the saved view").isEqualTo(new View(8, "b", null, "http://b", null));
  }

  @Test
  void aRestoredBackupPingingZeroIsTreatedAsRestarted() {
    View saved = new View(7, "a", "b", "http://a", "http://b");
    vs = new ViewService(TIMING, new SavedState(new ViewState(saved, true), List.of()), now);
    ping("a", 7);
    assertThat(ping("b", 0)).isEqualTo(new View(8, "a", "b", "http://a", "http://b"));
  }

  @Test
  void aRestoredUnackedFirstPrimaryMayStillPingZero() {
    vs = new ViewService(TIMING, new SavedState(new ViewState(new View(1, "a", null, "http://a", null), false), List.of()), now);
    ping("a", 0);
    ping("b", 0);
    assertThat(ping("a", 1)).isEqualTo(new View(2, "a", "b", "http://a", "http://b"));
  }

  @Test
  void nothingChangesWhileEveryonePings() {
    primaryAndBackup();
    ping("c", 0);
    for (int i = 0; i < 100; i++) interval("a", "b", "c");
    assertThat(vs.view().viewnum()).isEqualTo(2);
    assertThat(vs.history()).hasSize(2);
  }

  @Test
  void historyRecordsEveryViewWithItsReason() {
    primaryAndBackup();
    ping("c", 0);
    while (vs.view().viewnum() == 2) interval("b", "c");
    assertThat(vs.history()).extracting(ViewChange::reason).containsExactly("first primary", "backup joined", "primary dead");
    assertThat(vs.history()).extracting(c -> c.view().viewnum()).containsExactly(1L, 2L, 3L);
    assertThat(vs.history()).extracting(ViewChange::failoverMs).containsExactly(null, null, DEAD);
    assertThat(vs.lastChange().announcedAt()).isEqualTo(now);
  }

  @Test
  void historyIsCapped() {
    ping("a", 0);
    for (int i = 0; i < ViewService.HISTORY_LIMIT + 10; i++) {
      ping("a", vs.view().viewnum());
      ping("b", 0); // fresh b joins, then restarts on its next 0 after reporting the view
      ping("b", vs.view().viewnum());
    }
    assertThat(vs.history()).hasSize(ViewService.HISTORY_LIMIT);
    assertThat(vs.history().get(ViewService.HISTORY_LIMIT - 1)).isEqualTo(vs.lastChange());
  }

  @Test
  void serversReportRoleAgeViewnumAndLiveness() {
    primaryAndBackup();
    ping("c", 0);
    advanceTo(now + DEAD - 1);
    ping("b", 2);
    advanceTo(now + 1);
    assertThat(vs.servers(now)).containsExactly(
        new ServerStatus("a", ServerStatus.Role.PRIMARY, DEAD, 2, "http://a", false),
        new ServerStatus("b", ServerStatus.Role.BACKUP, 1, 2, "http://b", true),
        new ServerStatus("c", ServerStatus.Role.IDLE, DEAD, 0, "http://c", false));
  }

  @Nested
  class RandomSchedules {
    /**
     * Random pings, silences and restarts; every step must respect: numbers grow by one per change,
     * no change past an un-acked view, a new primary was the previous backup (never an idle
     * server), and a promoted backup was alive and still held its state.
     */
    @Test
    void invariantsHoldOnRandomSchedules() {
      for (int seed = 0; seed < 200; seed++) runSchedule(new Random(seed));
      assertThat(failovers).as("the schedules exercise failovers").isGreaterThan(100);
    }

    private long failovers;

    private void runSchedule(Random random) {
      ViewService v = new ViewService(TIMING);
      List<String> servers = List.of("s1", "s2", "s3", "s4");
      long[] known = new long[servers.size()];
      long t = 0;
      List<ViewChange> seen = new ArrayList<>();
      for (int step = 0; step < 400; step++) {
        t += random.nextInt(60);
        int i = random.nextInt(servers.size());
        ViewState before = v.state();
        if (random.nextInt(20) == 0) known[i] = 0; // restart
        boolean pinging = random.nextInt(3) > 0;
        boolean acking = pinging && before.view().isPrimary(servers.get(i)) && known[i] == before.view().viewnum();
        if (pinging) {
          View reply = v.ping(servers.get(i), known[i], null, t);
          if (reply.hasRole(servers.get(i))) known[i] = reply.viewnum();
        } else {
          v.tick(t);
        }
        ViewState after = v.state();
        if (after.view().viewnum() != before.view().viewnum()) {
          assertThat(after.view().viewnum()).isEqualTo(before.view().viewnum() + 1);
          seen.add(v.lastChange());
          if (v.lastChange().reason().startsWith("total loss")) {
            assertThat(v.lastChange().failoverMs()).as("only after the total-loss wait").isGreaterThanOrEqualTo(TIMING.totalLossAfterMs());
            continue;
          }
          boolean backupReplaced = before.view().primary() != null && before.view().primary().equals(after.view().primary());
          assertThat(before.acked() || acking || before.view().viewnum() == 0 || backupReplaced)
              .as("advanced past an un-acked view other than by replacing its backup").isTrue();
          if (before.view().primary() != null && !after.view().primary().equals(before.view().primary())) {
            assertThat(after.view().primary()).as("only the backup is promoted").isEqualTo(before.view().backup());
          }
        } else {
          assertThat(after.view()).isEqualTo(before.view());
        }
      }
      assertThat(v.history()).isEqualTo(seen);
      failovers += seen.stream().filter(c -> c.failoverMs() != null).count();
    }
  }
}
