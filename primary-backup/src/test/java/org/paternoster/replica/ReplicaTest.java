package org.paternoster.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.view.View;
import org.junit.jupiter.api.Test;

/** Fake-clock tests of the replication rules, one replica pair wired by hand. */
class ReplicaTest {
  static final long T = 1_000;
  static final long LEASE = 600;
  static final View V1 = new View(1, "p", null, "http://p", null, "p1", null, true);
  static final View V2 = new View(2, "p", "b", "http://p", "http://b", "p1", "b1", false);
  static final View V3 = new View(3, "b", "c", "http://b", "http://c", "b1", "c1", false);

  Replica p = new Replica("p", "p1", 50);
  Replica b = new Replica("b", "b1", 50);

  /** The view service's answer to a ping {@code r} sent at {@code T}, with a lease if it is primary. */
  static void leased(Replica r) {
    r.onPingAnswer(r.view(), LEASE, T, T);
  }

  /** Total loss: c starts a new lineage in view 9 with b (still holding its own book) as backup; c leased. */
  Replica totalLossWithBackupB() {
    Replica c = new Replica("c", "c1", 50);
    View v9 = new View(9, "c", "b", "http://c", "http://b", "c1", "b1", true);
    c.onView(v9, T);
    b.onView(v9, T);
    leased(c);
    return c;
  }

  /** p primary of view 1, then of view 2 with backup b holding its state; p leased. */
  void pairInView2() {
    p.onView(V1, T);
    p.onView(V2, T);
    b.onView(V2, T);
    exchange(p, b);
    leased(p);
    p.drain();
  }

  static Op press(String id, int floor) {
    return new Op.Press(id, new HallCall(floor, Direction.UP));
  }

  /** Delivers every send effect of {@code from} to {@code to} and the replies back, until quiet. */
  static List<Effect> exchange(Replica from, Replica to) {
    List<Effect> others = new java.util.ArrayList<>();
    for (int round = 0; round < 100; round++) {
      List<Effect> effects = from.drain();
      if (effects.isEmpty()) return others;
      for (Effect e : effects) {
        if (e instanceof Effect.SendTransfer t) from.onPeerReply(to.onTransfer(t.transfer(), T), T);
        else if (e instanceof Effect.SendForward f) from.onPeerReply(to.onForward(f.forward(), T), T);
        else others.add(e);
      }
    }
    throw new AssertionError("no quiescence");
  }

  @Test
  void freshReplicaReportsZeroAndRefusesClients() {
    assertThat(p.reportedViewnum()).isZero();
    assertThat(p.submit(press("r", 1), T)).isInstanceOf(Submission.NotPrimary.class);
  }

  @Test
  void primaryWithoutBackupCommitsAtOnceWhileLeasedAndAcksItsView() {
    p.onView(V1, T);
    leased(p);
    assertThat(p.reportedViewnum()).isEqualTo(1);
    assertThat(p.submit(press("r", 1), T)).isInstanceOfSatisfying(Submission.Accepted.class, a -> assertThat(a.committed()).isTrue());
  }

  @Test
  void noAcknowledgementWithoutALeaseNorAfterItExpires() {
    p.onView(V1, T);
    Submission.Accepted early = (Submission.Accepted) p.submit(press("r1", 1), T);
    assertThat(early.committed()).as("invariant 2: no lease yet").isFalse();
    assertThat(p.drain()).noneMatch(e -> e instanceof Effect.Committed);
    p.onPingAnswer(V1, LEASE, T, T + 5);
    assertThat(p.drain()).as("the lease releases the parked client").contains(new Effect.Committed(early.receipt().seq()));
    assertThat(p.mayAct(T + LEASE - 1)).isTrue();
    Submission.Accepted late = (Submission.Accepted) p.submit(press("r2", 2), T + LEASE);
    assertThat(late.committed()).as("the lease counts from when the ping was sent").isFalse();
    assertThat(p.mayAct(T + LEASE)).isFalse();
  }

  @Test
  void aLeaseAnsweredToAnotherIncarnationIsNotOurs() {
    p.onView(V1, T);
    Replica again = new Replica("p", "p2", 50);
    again.onPingAnswer(V1, LEASE, T, T);
    assertThat(again.role()).as("invariant 8: view 1 names incarnation p1").isEqualTo(Role.IDLE);
    assertThat(again.hasLease(T)).isFalse();
    assertThat(again.submit(press("r", 1), T)).isInstanceOf(Submission.NotPrimary.class);
  }

  /**
   * Invariant 9: a process reports the writer of the durable book it recovered only while its book
   * is still exactly that one; whatever changes the book (a new lineage, a transfer, an op) ends it.
   */
  @Test
  void aRecoveredBookIsReportedAsItsWritersOnlyUntilItFirstChanges() {
    pairInView2();
    p.submit(press("r1", 1), T);
    exchange(p, b);
    Replica b2 = new Replica("b", "b2", 50, OrderBook.of(b.book().snapshot()), "b1"); // b restarted from its disk
    b2.onView(V2, T);
    assertThat(b2.recoveredFrom()).as("a view naming b1 changes nothing in b2").isEqualTo("b1");
    b2.onView(new View(3, "b", null, "http://b", null, "b2", null, true), T);
    assertThat(b2.recoveredFrom()).as("its own lineage now").isNull();
    assertThat(b2.book().pending()).as("started from the recovered book").hasSize(1);

    Replica b3 = new Replica("b", "b3", 50, OrderBook.of(b.book().snapshot()), "b1");
    View v4 = new View(4, "p", "b", "http://p", "http://b", "p1", "b3", false);
    p.onView(v4, T);
    b3.onView(v4, T);
    exchange(p, b3);
    assertThat(b3.recoveredFrom()).as("p1's transfer installed").isNull();
    assertThat(new Replica("b", "b4", 50, new OrderBook(), null).recoveredFrom()).isNull();
  }

  @Test
  void primaryAcksNewViewOnlyAfterTheBackupHoldsItsState() {
    p.onView(V1, T);
    leased(p);
    p.submit(press("r1", 1), T);
    p.drain();
    p.onView(V2, T);
    b.onView(V2, T);
    assertThat(p.reportedViewnum()).as("invariant 3: no ack before transfer").isEqualTo(1);
    Effect.SendTransfer transfer = (Effect.SendTransfer) p.drain().get(0);
    p.onPeerReply(b.onTransfer(transfer.transfer(), T), T);
    assertThat(p.reportedViewnum()).isEqualTo(2);
    assertThat(b.book().snapshot()).isEqualTo(p.book().snapshot());
  }

  @Test
  void clientIsAcknowledgedOnlyAfterTheBackupHoldsTheOperation() {
    pairInView2();
    Submission.Accepted a = (Submission.Accepted) p.submit(press("r1", 1), T);
    assertThat(a.committed()).isFalse();
    List<Effect> effects = p.drain();
    assertThat(effects).noneMatch(e -> e instanceof Effect.Committed);
    Effect.SendForward f = (Effect.SendForward) effects.get(0);
    p.onPeerReply(b.onForward(f.forward(), T), T);
    assertThat(p.drain()).contains(new Effect.Committed(a.receipt().seq()));
    assertThat(b.book().pending()).hasSize(1);
  }

  @Test
  void opsOrderedWhileAForwardTravelsShareTheNextBatch() {
    pairInView2();
    p.submit(press("r1", 1), T);
    Effect.SendForward first = (Effect.SendForward) p.drain().get(0);
    p.submit(press("r2", 2), T);
    p.submit(press("r3", 0), T);
    assertThat(p.drain()).as("one request in flight").isEmpty();
    p.onPeerReply(b.onForward(first.forward(), T), T);
    Effect.SendForward second = (Effect.SendForward) p.drain().stream().filter(e -> e instanceof Effect.SendForward).findFirst().orElseThrow();
    assertThat(second.ops()).hasSize(2);
  }

  @Test
  void backupRefusesAForwardFromAStalePrimary() {
    pairInView2();
    b.onView(V3, T); // b learned it is primary of view 3; p did not
    p.submit(press("r1", 1), T);
    Effect.SendForward f = (Effect.SendForward) p.drain().get(0);
    PeerReply reply = b.onForward(f.forward(), T);
    assertThat(reply.status()).isEqualTo(PeerReply.Status.REFUSED);
    assertThat(b.book().pending()).as("invariant 2: nothing applied").isEmpty();
    p.onPeerReply(reply, T);
    assertThat(p.role()).as("stale primary learns the new view from the refusal").isEqualTo(Role.IDLE);
    List<Effect> effects = p.drain();
    assertThat(effects.get(0)).isEqualTo(new Effect.Abandoned(V3));
    assertThat(effects).as("the deposed primary hands its book to the new one").anyMatch(e -> e instanceof Effect.SendHandover h
        && h.toAddress().equals("http://b"));
    assertThat(p.submit(press("r2", 2), T)).isInstanceOf(Submission.NotPrimary.class);
  }

  @Test
  void backupWithoutStateAsksForATransfer() {
    pairInView2();
    Replica restarted = new Replica("b", "b1", 50); // same incarnation, state lost: a test-only situation
    p.submit(press("r1", 1), T);
    Effect.SendForward f = (Effect.SendForward) p.drain().get(0);
    PeerReply reply = restarted.onForward(f.forward(), T);
    assertThat(reply.status()).isEqualTo(PeerReply.Status.NEED_TRANSFER);
    p.onPeerReply(reply, T);
    exchange(p, restarted);
    assertThat(restarted.book().snapshot()).isEqualTo(p.book().snapshot());
  }

  @Test
  void duplicateAndReorderedForwardsAreHarmless() {
    pairInView2();
    p.submit(press("r1", 1), T);
    Effect.SendForward f1 = (Effect.SendForward) p.drain().get(0);
    p.onPeerFailure(f1.forward().attempt(), T); // lost reply
    p.submit(press("r2", 2), T);
    p.tick(T + 100);
    Effect.SendForward f2 = (Effect.SendForward) p.drain().get(0);
    assertThat(f2.ops()).hasSize(2);
    assertThat(b.onForward(f2.forward(), T).applied()).isEqualTo(f2.ops().get(1).seq());
    assertThat(b.onForward(f1.forward(), T).applied()).as("late duplicate ignored").isEqualTo(f2.ops().get(1).seq());
    assertThat(b.book().snapshot()).isEqualTo(p.book().snapshot());
  }

  @Test
  void gapIsRefilledFromWhatTheBackupReports() {
    pairInView2();
    long held = b.book().lastSeq();
    p.submit(press("r1", 1), T);
    Effect.SendForward f1 = (Effect.SendForward) p.drain().get(0);
    p.onPeerFailure(f1.forward().attempt(), T);
    p.submit(press("r2", 2), T);
    Forward onlySecond = new Forward(V2, 99, List.of(new org.paternoster.orders.Sequenced(held + 2, T, press("r2", 2))));
    assertThat(b.onForward(onlySecond, T).applied()).isEqualTo(held);
    p.tick(T + 100);
    exchange(p, b);
    assertThat(b.book().lastSeq()).isEqualTo(held + 2);
  }

  @Test
  void promotedBackupServesWithEverythingAcknowledged() {
    pairInView2();
    for (int i = 0; i < 5; i++) p.submit(press("r" + i, i % 3), T);
    exchange(p, b);
    b.onView(new View(3, "b", null, "http://b", null, "b1", null, false), T);
    leased(b);
    assertThat(b.role()).isEqualTo(Role.PRIMARY);
    assertThat(b.book().snapshot()).isEqualTo(p.book().snapshot());
    Submission.Accepted again = (Submission.Accepted) b.submit(press("r3", 0), T);
    assertThat(again.receipt()).isEqualTo(p.book().receipt("r3").orElseThrow());
    assertThat(again.committed()).isTrue();
  }

  @Test
  void theBookKeepsItsGenerationAcrossFailoverAndGetsANewOneOnlyAfterTotalLoss() {
    pairInView2();
    assertThat(p.book().generation()).as("started by p's incarnation p1 in view 1, its first").isEqualTo("p@1/p1/1");
    assertThat(b.book().generation()).as("transferred").isEqualTo("p@1/p1/1");
    b.onView(new View(3, "b", null, "http://b", null, "b1", null, false), T);
    assertThat(b.book().generation()).as("a promoted backup continues the same book").isEqualTo("p@1/p1/1");
    Replica fresh = new Replica("c", "c1", 50);
    fresh.onView(new View(9, "c", null, "http://c", null, "c1", null, true), T); // total loss: a new lineage
    assertThat(fresh.book().generation()).isEqualTo("c@9/c1/1");
    assertThat(fresh.book().lastSeq()).as("invariant 8: numbered in view 9's block").isEqualTo(9 * OrderBook.SEQ_BLOCK);
    assertThat(fresh.book().pending()).isEmpty();
  }

  // ---- Issue 11: each of these failed before its fix ----

  /**
   * Simulated seeds 5679 and 9835: a view service restarted without its disk announces views 1 and
   * 2 again. The restarted primary's new lineage used to be named "p@1", as was the one its backup
   * still held, so the backup's book passed for a prefix of the primary's and was replaced without
   * a merge: the acknowledged press only it held was lost. A lineage's name now carries the
   * incarnation that started it, and a count of the lineages that incarnation started.
   */
  @Test
  void aViewNumberAnnouncedTwiceStillNamesTwoLineagesSoTheBackupsCallsAreMerged() {
    pairInView2();
    p.submit(press("x", 4), T);
    exchange(p, b);
    assertThat(b.book().pending()).extracting(pc -> pc.call().floor()).containsExactly(4);
    Replica p2 = new Replica("p", "p2", 50); // p restarted, its memory empty
    p2.onView(new View(1, "p", null, "http://p", null, "p2", null, true), T);
    assertThat(p2.book().generation()).isEqualTo("p@1/p2/1").isNotEqualTo(b.book().generation());
    View again = new View(2, "p", "b", "http://p", "http://b", "p2", "b1", false);
    p2.onView(again, T);
    b.onPingAnswer(again, 0, T, T); // the view service's word replaces b's view of the same number
    leased(p2);
    exchange(p2, b);
    assertThat(p2.book().pending()).as("merged from the backup's lineage").extracting(pc -> pc.call().floor()).containsExactly(4);
    assertThat(b.book().pending()).extracting(pc -> pc.call().floor()).containsExactly(4);
    assertThat(b.book().generation()).as("the transfer of the number's second view installed, not ignored as a copy of the first's")
        .isEqualTo(p2.book().generation());
  }

  @Test
  void oneIncarnationStartingTwoLineagesInOneViewNumberNamesThemApart() {
    p.onView(V1, T);
    String first = p.book().generation();
    p.onPingAnswer(new View(1, "p", null, "http://p/again", null, "p1", null, true), 0, T, T); // number 1 again, other content
    assertThat(p.book().generation()).isEqualTo("p@1/p1/2").isNotEqualTo(first);
  }

  @Test
  void aRestartedPrimaryNeverActsInItsOldViewSoItCannotWipeTheBackup() {
    pairInView2();
    for (int i = 0; i < 3; i++) p.submit(press("r" + i, i), T);
    exchange(p, b);
    // p is killed and restarted at once; the view service still names p (incarnation p1) primary of view 2.
    Replica restarted = new Replica("p", "p2", 50);
    restarted.onView(V2, T);
    assertThat(restarted.role()).isEqualTo(Role.IDLE);
    assertThat(restarted.drain()).as("no transfer of its empty book").isEmpty();
    assertThat(b.book().pending()).hasSize(3);
  }

  @Test
  void aPrimaryWithoutStateStartsABookOnlyInAViewThatStartsALineage() {
    Replica c = new Replica("c", "c1", 50);
    c.onView(new View(4, "c", null, "http://c", null, "c1", null, false), T);
    assertThat(c.hasState()).isFalse();
    assertThat(c.submit(press("r", 1), T)).as("invariant 8: no state, no orders").isInstanceOf(Submission.NotPrimary.class);
    assertThat(c.reportedViewnum()).as("never acks a view it cannot serve").isZero();
  }

  @Test
  void aDuplicatedOrLateTransferNeverRollsTheBackupBack() {
    p.onView(V1, T);
    leased(p);
    p.submit(press("r0", 0), T);
    p.onView(V2, T);
    b.onView(V2, T);
    Effect.SendTransfer transfer = (Effect.SendTransfer) p.drain().stream().filter(e -> e instanceof Effect.SendTransfer).findFirst().orElseThrow();
    p.onPeerReply(b.onTransfer(transfer.transfer(), T), T);
    leased(p);
    p.submit(press("r1", 1), T);
    exchange(p, b);
    long held = b.book().lastSeq();
    PeerReply again = b.onTransfer(transfer.transfer(), T); // the network duplicated the transfer
    assertThat(b.book().lastSeq()).as("not rolled back below what the primary counts as held").isEqualTo(held);
    assertThat(b.book().pending()).hasSize(2);
    p.onPeerReply(again, T);
    p.submit(press("r2", 2), T);
    exchange(p, b);
    assertThat(b.book().snapshot()).as("commits go on").isEqualTo(p.book().snapshot());
  }

  @Test
  void aTransferOfAnotherLineageMergesTheBackupsCallsInsteadOfDroppingThem() {
    pairInView2();
    p.submit(press("old", 3), T);
    exchange(p, b);
    // Total loss: c starts a new lineage in view 9 with b as its backup; b still holds lineage p@1.
    Replica c = totalLossWithBackupB();
    c.submit(press("new", 1), T);
    List<Effect> effects = c.drain();
    Effect.SendTransfer t = (Effect.SendTransfer) effects.stream().filter(e -> e instanceof Effect.SendTransfer).findFirst().orElseThrow();
    PeerReply merge = b.onTransfer(t.transfer(), T);
    assertThat(merge.status()).isEqualTo(PeerReply.Status.MERGE_FIRST);
    assertThat(merge.uncovered()).extracting(pc -> pc.call().floor()).containsExactly(3);
    c.onPeerReply(merge, T);
    exchange(c, b);
    assertThat(c.book().pending()).extracting(pc -> pc.call().floor()).containsExactlyInAnyOrder(3, 1);
    assertThat(b.book().snapshot()).isEqualTo(c.book().snapshot());
  }

  @Test
  void aBackupOfAnotherLineageKeepsItsServicesWhenItInstallsTheNewBook() {
    pairInView2();
    Submission.Accepted pressed = (Submission.Accepted) p.submit(press("x", 2), T);
    exchange(p, b);
    org.paternoster.orders.PendingCall stale = p.book().pending().iterator().next(); // what a stale copy still shows
    p.submit(new Op.Served("s", new HallCall(2, Direction.UP), pressed.receipt().callSeq()), T);
    exchange(p, b);
    // Total loss: c starts a lineage with b as backup; b knows the service, c's snapshot does not.
    Replica c = totalLossWithBackupB();
    exchange(c, b);
    assertThat(c.book().wasServed(stale.call(), stale.seq())).as("b's service merged into the new lineage").isTrue();
    // A stale copy that never heard of the service comes back later: it must not relight the call.
    c.onHandover(new Handover(V2, "old", "p@1", List.of(stale), List.of()), T);
    assertThat(c.book().pending()).isEmpty();
  }

  @Test
  void anIdleReplicaOfAnotherLineageHandsItsCallsToThePrimaryAndThenDropsThem() {
    pairInView2();
    p.submit(press("old", 3), T);
    exchange(p, b);
    Replica c = new Replica("c", "c1", 50);
    Replica d = new Replica("d", "d1", 50);
    View v9 = new View(9, "c", null, "http://c", null, "c1", null, true);
    c.onView(v9, T);
    leased(c);
    p.onView(v9, T); // p hears of the total loss: idle, holding p@1's calls
    Effect.SendHandover h = (Effect.SendHandover) p.drain().stream().filter(e -> e instanceof Effect.SendHandover).findFirst().orElseThrow();
    assertThat(h.toAddress()).isEqualTo("http://c");
    assertThat(c.onHandover(h.handover(), T)).as("no backup: p's copy is the only other one, keep it").isEqualTo(-1);
    View v10 = new View(10, "c", "d", "http://c", "http://d", "c1", "d1", false);
    c.onView(v10, T);
    d.onView(v10, T);
    leased(c);
    long upTo = c.onHandover(h.handover(), T);
    assertThat(c.book().pending()).extracting(pc -> pc.call().floor()).containsExactly(3);
    assertThat(c.committedSeq()).as("not on two replicas yet").isLessThan(upTo);
    exchange(c, d);
    assertThat(c.committedSeq()).isGreaterThanOrEqualTo(upTo);
    assertThat(d.book().pending()).extracting(pc -> pc.call().floor()).containsExactly(3);
    long lastSeq = c.book().lastSeq();
    c.onHandover(h.handover(), T);
    assertThat(c.book().lastSeq()).as("a duplicate handover restores nothing twice").isEqualTo(lastSeq);
    p.onHandoverReply(new Handover.Reply(true, v10), T);
    assertThat(p.hasState()).isFalse();
  }

  @Test
  void aServedCallOfAnOldLineageCanNeitherRemoveANewCallNorComeBack() {
    pairInView2();
    Submission.Accepted old = (Submission.Accepted) p.submit(press("old", 3), T);
    p.submit(new Op.Served("s", new HallCall(3, Direction.UP), old.receipt().callSeq()), T);
    exchange(p, b);
    Replica c = new Replica("c", "c1", 50);
    c.onView(new View(9, "c", null, "http://c", null, "c1", null, true), T);
    leased(c);
    Submission.Accepted fresh = (Submission.Accepted) c.submit(press("new", 3), T);
    assertThat(fresh.receipt().callSeq()).as("invariant 8: unique across lineages").isNotEqualTo(old.receipt().callSeq());
    c.submit(new Op.Served("late", new HallCall(3, Direction.UP), old.receipt().callSeq()), T);
    assertThat(c.book().pending()).as("a late served of the old incarnation removes nothing new").hasSize(1);
    c.submit(new Op.Served("done", new HallCall(3, Direction.UP), fresh.receipt().callSeq()), T);
    c.onView(new View(10, "c", "d", "http://c", "http://d", "c1", "d1", false), T);
    leased(c);
    c.onHandover(new Handover(V2, "p", "p@1", List.of(new org.paternoster.orders.PendingCall(new HallCall(3, Direction.UP), fresh.receipt().callSeq(), T)), List.of()), T);
    assertThat(c.book().pending()).as("a tombstoned incarnation is not merged back").isEmpty();
  }

  /**
   * Chaos seed 2059: a second press of a lit call waits out a cut backup while a car serves the
   * call; its answer says the incarnation it joined was served since, so no panel relights it.
   */
  @Test
  void aPressAnsweredAfterItsCallWasServedSaysSo() {
    pairInView2();
    Submission.Accepted first = (Submission.Accepted) p.submit(press("first", 1), T);
    exchange(p, b);
    Op again = press("again", 1);
    Submission.Accepted second = (Submission.Accepted) p.submit(again, T);
    assertThat(second.receipt().created()).as("renewed the pending call").isFalse();
    assertThat(p.servedSince(again, second.receipt())).as("pending: not served").isFalse();
    p.submit(new Op.Served("served", new HallCall(1, Direction.UP), second.receipt().callSeq()), T); // as pushed to the cars
    exchange(p, b);
    assertThat(p.committedSeq()).isGreaterThanOrEqualTo(second.receipt().seq());
    assertThat(p.servedSince(again, second.receipt())).isTrue();
    assertThat(p.servedSince(new Op.Served("x", new HallCall(1, Direction.UP), 1), second.receipt())).as("only presses").isFalse();
  }
}
