package org.paternoster.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.replica.ReplicaTest.LEASE;
import static org.paternoster.replica.ReplicaTest.V2;
import static org.paternoster.replica.ReplicaTest.V3;

import org.junit.jupiter.api.Test;

/** Fake-clock tests of the promotion report: lease and acting times, once per view, only as primary. */
class PromotionTest {
  final Replica p = new Replica("p", "p1", 50);
  final Replica b = new Replica("b", "b1", 50);
  final Replica c = new Replica("c", "c1", 50);
  final Promotion promotion = new Promotion();

  @Test
  void reportsWhenANewPrimaryHoldsItsLeaseAndItsBackupHoldsTheBook() {
    // b is backup of view 2, then promoted in view 3 with the cold c as backup.
    p.onView(ReplicaTest.V1, 0);
    p.onView(V2, 0);
    b.onView(V2, 0);
    ReplicaTest.exchange(p, b);
    assertThat(promotion.observe(b, 0)).isEmpty();

    b.onView(V3, 100);
    assertThat(promotion.observe(b, 100)).as("not leased, backup empty").isEmpty();
    b.onPingAnswer(V3, LEASE, 120, 130);
    assertThat(promotion.observe(b, 130)).as("leased, backup still empty").isEmpty();
    for (Effect e : b.drain()) {
      if (e instanceof Effect.SendTransfer t) b.onPeerReply(c.onTransfer(t.transfer(), 150), 160);
    }
    assertThat(promotion.observe(b, 160)).hasValueSatisfying(r -> {
      assertThat(r.viewnum()).isEqualTo(3);
      assertThat(r.backup()).isEqualTo("c");
      assertThat(r.leaseMs()).isEqualTo(30);
      assertThat(r.actMs()).isEqualTo(60);
    });
    assertThat(promotion.observe(b, 170)).as("once per view").isEmpty();
  }

  @Test
  void aReplicaThatIsNotPrimaryReportsNothing() {
    b.onView(V2, 0);
    assertThat(promotion.observe(b, 0)).isEmpty();
  }
}
