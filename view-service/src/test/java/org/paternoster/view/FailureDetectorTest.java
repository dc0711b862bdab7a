package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's "failure detection that does not cry wolf", on the view-service core with a fake
 * clock: the crash hint of a closed connection, the view service's own pauses, the adaptive
 * threshold and the warm-up, and that none of it lets two leases overlap.
 */
class FailureDetectorTest {
  static final PingTiming TIMING = PingTiming.DEFAULT;
  static final long FLOOR = TIMING.deadAfterMs();
  static final long START = 1_000;

  long now = START;
  ViewService vs = new ViewService(TIMING, TotalLossPolicy.REBUILD, new SavedState(ViewState.INITIAL, List.of()), now);

  PingAnswer ping(String server, long viewnum) {
    return vs.ping(server, viewnum, "http://" + server, server + "1", now);
  }

  /** Moves the clock to {@code t}, ticking every tick interval and {@code pinging} every ping interval. */
  void runUntil(long t, String... pinging) {
    long nextPing = now + TIMING.intervalMs();
    while (now + TIMING.tickMs() <= t) {
      now += TIMING.tickMs();
      if (now >= nextPing) {
        for (String s : pinging) ping(s, vs.view().hasRole(s) ? vs.view().viewnum() : 0);
        nextPing += TIMING.intervalMs();
      }
      vs.tick(now);
    }
    now = t;
  }

  /** Past a fresh service's listening time and lease guard: a primary and b backup of view 2, acked. */
  void appointAThenB() {
    runUntil(now + Math.max(TIMING.leaseGuardMs(), FLOOR));
    ping("a", 0);
    ping("a", 1);
    ping("b", 0);
    ping("a", 2);
    ping("b", 2);
    assertThat(vs.view()).extracting(View::viewnum, View::primary, View::backup).containsExactly(2L, "a", "b");
  }

  /** a primary, b backup, c idle; acked; past everyone's warm-up. */
  void warmCluster() {
    appointAThenB();
    ping("c", 0);
    runUntil(now + TIMING.warmupMs() + 1_000, "a", "b", "c");
    assertThat(vs.view()).extracting(View::viewnum, View::primary, View::backup).containsExactly(2L, "a", "b");
  }

  @Test
  void theShippedDefaultsAreAdaptiveWithALeaseShorterThanTheCrashHintWaitsForIt() {
    assertThat(TIMING.adaptive()).isTrue();
    assertThat(TIMING.closeGraceMs()).isLessThan(FLOOR);
    assertThat(TIMING.leaseGuardMs()).as("a silent primary's lease is gone when it is declared dead").isLessThan(FLOOR);
    assertThat(TIMING.maxDeadMs()).isEqualTo(4 * FLOOR);
  }

  @Test
  void aClosedConnectionWithoutAnotherPingIsACrashAfterTheGrace() {
    warmCluster();
    long lastPing = now;
    vs.disconnected("a", now);
    runUntil(lastPing + TIMING.closeGraceMs() - TIMING.tickMs(), "b", "c");
    assertThat(vs.view().viewnum()).as("within the grace").isEqualTo(2);
    runUntil(lastPing + TIMING.closeGraceMs() + TIMING.tickMs(), "b", "c");
    assertThat(vs.view()).extracting(View::viewnum, View::primary, View::backup).containsExactly(3L, "b", "c");
    assertThat(vs.lastChange().reason()).isEqualTo("primary dead");
    assertThat(vs.lastChange().failoverMs()).isLessThan(FLOOR);
  }

  @Test
  void aServerThatPingsAgainAfterItsConnectionClosedIsAlive() {
    warmCluster();
    vs.disconnected("a", now);
    runUntil(now + 10 * FLOOR, "a", "b", "c");
    assertThat(vs.view().viewnum()).isEqualTo(2);
  }

  @Test
  void aCrashHintOfALivePrimaryPromotesItsBackupButNeverOverlapsTheLeases() {
    warmCluster();
    ping("a", 2); // a's latest lease, granted now
    long granted = now;
    vs.disconnected("a", now);
    // a is alive but its pings are lost from here on: b is promoted after the grace, early.
    runUntil(now + TIMING.closeGraceMs() + TIMING.tickMs(), "c");
    assertThat(vs.view().primary()).isEqualTo("b");
    assertBLeasedOnlyOnceTheLeaseGrantedAtHasRunOut(granted, 2);
  }

  /** b, promoted, pinging with {@code viewnum}: no lease until a's last one (granted at {@code granted}) has certainly expired. */
  private void assertBLeasedOnlyOnceTheLeaseGrantedAtHasRunOut(long granted, long viewnum) {
    assertThat(ping("b", viewnum).leaseMs()).as("a's lease may still be held").isZero();
    runUntil(granted + TIMING.leaseGuardMs() - 1, "c");
    assertThat(ping("b", viewnum).leaseMs()).isZero();
    runUntil(granted + TIMING.leaseGuardMs(), "c");
    assertThat(ping("b", viewnum).leaseMs()).isEqualTo(TIMING.leaseMs());
  }

  @Test
  void aClosedConnectionWhoseAddressRefusesIsACrashAtTheNextTickButTheLeaseStillWaits() {
    warmCluster();
    ping("a", 2); // a's latest lease, granted now
    long granted = now;
    vs.disconnected("a", now);
    vs.refused("a", now + 1); // a's kernel refused a connection to its port: its process is gone
    runUntil(now + 1 + TIMING.tickMs(), "c");
    assertThat(vs.view()).extracting(View::viewnum, View::primary, View::backup).containsExactly(3L, "b", "c");
    assertThat(vs.lastChange().failoverMs()).isLessThan(TIMING.closeGraceMs());
    assertBLeasedOnlyOnceTheLeaseGrantedAtHasRunOut(granted, 2); // invariant 2 rests on the lease, not on the probe
  }

  @Test
  void aRefusalForAnEarlierCloseDoesNotCutALaterOnesGrace() {
    warmCluster();
    long firstClose = now;
    vs.disconnected("a", now);
    ping("a", 2); // alive after all: it pinged again
    runUntil(now + TIMING.tickMs(), "a", "b", "c");
    vs.disconnected("a", now); // another close
    vs.refused("a", firstClose); // the first close's probe, answered late
    runUntil(now + TIMING.tickMs(), "a", "b", "c");
    assertThat(vs.view().viewnum()).as("a refusal dated before the close it would cut").isEqualTo(2);
  }

  @Test
  void aRefusalCountsOnlyForTheCloseItFollowsAndNotPastALaterPing() {
    warmCluster();
    vs.refused("a", now); // no close: a probe's answer that came too late, or never asked for
    runUntil(now + TIMING.closeGraceMs() + TIMING.tickMs(), "a", "b", "c");
    assertThat(vs.view().viewnum()).as("a refusal without a close is nothing").isEqualTo(2);
    vs.disconnected("a", now);
    vs.refused("a", now);
    ping("a", 2); // a pinged again (a live server that was restarting its listener): alive
    runUntil(now + TIMING.closeGraceMs() + TIMING.tickMs(), "a", "b", "c");
    assertThat(vs.view().viewnum()).isEqualTo(2);
  }

  @Test
  void aPauseOfTheViewServiceItselfIsNobodysSilence() {
    warmCluster();
    now += 10 * TIMING.maxDeadMs(); // the view service stalls: no ticks, no pings read
    vs.tick(now); // it wakes, and its timer fires before the queued pings are read
    ping("b", 2);
    ping("c", 0);
    ping("a", 2);
    runUntil(now + FLOOR / 2, "a", "b", "c");
    assertThat(vs.view().viewnum()).as("nobody died").isEqualTo(2);
    assertThat(vs.history()).hasSize(2);
  }

  @Test
  void silenceAfterTheViewServicesPauseStillCounts() {
    warmCluster();
    now += 10 * TIMING.maxDeadMs();
    vs.tick(now);
    runUntil(now + FLOOR + TIMING.tickMs(), "b", "c");
    assertThat(vs.view().primary()).as("a stayed silent after the pause").isEqualTo("b");
  }

  @Test
  void aRegularPingerIsDeadAfterTheShortestThreshold() {
    warmCluster();
    long lastPing = now;
    runUntil(lastPing + FLOOR - TIMING.tickMs(), "b", "c");
    assertThat(vs.view().viewnum()).isEqualTo(2);
    runUntil(lastPing + FLOOR + TIMING.tickMs(), "b", "c");
    assertThat(vs.view().primary()).isEqualTo("b");
  }

  @Test
  void aServerWhosePingsWereRecentlyIrregularGetsALongerThreshold() {
    warmCluster();
    long hiccup = FLOOR * 3 / 4; // a stalls for 150 ms, then pings again: not dead
    runUntil(now + hiccup, "b", "c");
    runUntil(now + 1_000, "a", "b", "c");
    assertThat(vs.view().viewnum()).isEqualTo(2);
    long lastPing = now;
    runUntil(lastPing + 2 * hiccup, "b", "c");
    assertThat(vs.view().viewnum()).as("twice the hiccup is within three times it").isEqualTo(2);
    runUntil(lastPing + TIMING.maxDeadMs() + TIMING.tickMs(), "b", "c");
    assertThat(vs.view().primary()).isEqualTo("b");
  }

  @Test
  void irregularityIsForgottenAfterAMinute() {
    warmCluster();
    runUntil(now + FLOOR * 3 / 4, "b", "c");
    runUntil(now + 2 * FailureDetector.GAP_BUCKET_MS + 1_000, "a", "b", "c");
    long lastPing = now;
    runUntil(lastPing + FLOOR + TIMING.tickMs(), "b", "c");
    assertThat(vs.view().primary()).isEqualTo("b");
  }

  @Test
  void aNewServerWarmsUpWithTheLongestThreshold() {
    appointAThenB();
    long lastPing = now;
    runUntil(lastPing + TIMING.maxDeadMs() - TIMING.tickMs(), "b");
    assertThat(vs.view().viewnum()).as("a JVM starting up may stall").isEqualTo(2);
    runUntil(lastPing + TIMING.maxDeadMs() + TIMING.tickMs(), "b");
    assertThat(vs.view().primary()).isEqualTo("b");
  }

  @Test
  void theRolesOfARestoredViewGetTheLongestThresholdToFindTheRestartedServiceOrNewLeader() {
    View saved = new View(5, "a", "b", "http://a", "http://b", "a1", "b1", false);
    vs = new ViewService(TIMING, TotalLossPolicy.REBUILD, new SavedState(new ViewState(saved, true), List.of()), now);
    long start = now;
    runUntil(start + TIMING.maxDeadMs() - TIMING.tickMs(), "b");
    assertThat(vs.view().viewnum()).as("a's pings may still be on their way to the dead member").isEqualTo(5);
    runUntil(start + TIMING.maxDeadMs() + TIMING.tickMs(), "b");
    assertThat(vs.view().primary()).isEqualTo("b");
  }

  @Test
  void aRestartedServerWarmsUpAgain() {
    warmCluster();
    vs.ping("c", 0, "http://c", "c2", now); // c restarted: a new JVM
    long lastPing = now;
    runUntil(lastPing + 2 * FLOOR, "a", "b");
    assertThat(vs.servers(now)).filteredOn(s -> s.id().equals("c")).extracting(ServerStatus::alive).containsExactly(true);
  }

  @Test
  void theFixedDetectorIgnoresHistoryButTakesTheCrashHint() {
    PingTiming fixed = new PingTiming(25, 8);
    assertThat(fixed.adaptive()).isFalse();
    assertThat(fixed.maxDeadMs()).isEqualTo(fixed.deadAfterMs());
    vs = new ViewService(fixed, TotalLossPolicy.REBUILD, new SavedState(ViewState.INITIAL, List.of()), now);
    appointAThenB();
    long lastPing = now;
    runUntil(lastPing + FLOOR + TIMING.tickMs(), "b");
    assertThat(vs.view().primary()).as("no warm-up").isEqualTo("b");
    vs.disconnected("b", now);
    runUntil(now + fixed.closeGraceMs() + fixed.tickMs());
    assertThat(vs.servers(now)).filteredOn(s -> s.id().equals("b")).extracting(ServerStatus::alive).containsExactly(false);
  }
}
