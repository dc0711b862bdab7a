package org.paternoster.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.Op;
import org.paternoster.view.View;
import org.junit.jupiter.api.Test;

/** Fake-clock tests of the replication rules, one replica pair wired by hand. */
class ReplicaTest {
  static final long T = 1_000;
  static final View V1 = new View(1, "p", null, "http://p", null);
  static final View V2 = new View(2, "p", "b", "http://p", "http://b");
  static final View V3 = new View(3, "b", "c", "http://b", "http://c");

  Replica p = new Replica("p", 50);
  Replica b = new Replica("b", 50);

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
  void primaryWithoutBackupCommitsAtOnceAndAcksItsView() {
    p.onView(V1, T);
    assertThat(p.reportedViewnum()).isEqualTo(1);
    assertThat(p.submit(press("r", 1), T)).isInstanceOfSatisfying(Submission.Accepted.class, a -> assertThat(a.committed()).isTrue());
  }

  @Test
  void primaryAcksNewViewOnlyAfterTheBackupHoldsItsState() {
    p.onView(V1, T);
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
    p.onView(V2, T);
    b.onView(V2, T);
    exchange(p, b);
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
    p.onView(V2, T);
    b.onView(V2, T);
    exchange(p, b);
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
    p.onView(V2, T);
    b.onView(V2, T);
    exchange(p, b);
    b.onView(V3, T); // b learned it is primary of view 3; p did not
    p.submit(press("r1", 1), T);
    Effect.SendForward f = (Effect.SendForward) p.drain().get(0);
    PeerReply reply = b.onForward(f.forward(), T);
    assertThat(reply.status()).isEqualTo(PeerReply.Status.REFUSED);
    assertThat(b.book().pending()).as("invariant 2: nothing applied").isEmpty();
    p.onPeerReply(reply, T);
    assertThat(p.role()).as("stale primary learns the new view from the refusal").isEqualTo(Role.IDLE);
    assertThat(p.drain()).containsExactly(new Effect.Abandoned(V3));
    assertThat(p.submit(press("r2", 2), T)).isInstanceOf(Submission.NotPrimary.class);
  }

  @Test
  void backupWithoutStateAsksForATransfer() {
    p.onView(V2, T);
    b.onView(V2, T);
    exchange(p, b);
    Replica restarted = new Replica("b", 50);
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
    p.onView(V2, T);
    b.onView(V2, T);
    exchange(p, b);
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
    p.onView(V2, T);
    b.onView(V2, T);
    exchange(p, b);
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
    p.onView(V2, T);
    b.onView(V2, T);
    exchange(p, b);
    for (int i = 0; i < 5; i++) p.submit(press("r" + i, i % 3), T);
    exchange(p, b);
    b.onView(new View(3, "b", null, "http://b", null), T);
    assertThat(b.role()).isEqualTo(Role.PRIMARY);
    assertThat(b.book().snapshot()).isEqualTo(p.book().snapshot());
    Submission.Accepted again = (Submission.Accepted) b.submit(press("r3", 0), T);
    assertThat(again.receipt()).isEqualTo(p.book().receipt("r3").orElseThrow());
    assertThat(again.committed()).isTrue();
  }

  @Test
  void theBookKeepsItsGenerationAcrossFailoverAndGetsANewOneOnlyAfterTotalLoss() {
    p.onView(V2, T);
    b.onView(V2, T);
    exchange(p, b);
    assertThat(p.book().generation()).isEqualTo("p@2");
    assertThat(b.book().generation()).as("transferred").isEqualTo("p@2");
    b.onView(new View(3, "b", null, "http://b", null), T);
    assertThat(b.book().generation()).as("a promoted backup continues the same book").isEqualTo("p@2");
    Replica fresh = new Replica("c", 50);
    fresh.onView(new View(9, "c", null, "http://c", null), T); // total loss: appointed with no state
    assertThat(fresh.book().generation()).isEqualTo("c@9");
    assertThat(fresh.book().pending()).isEmpty();
  }
}
