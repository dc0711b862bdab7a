package org.paternoster.replica.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paternoster.replica.BookDelta;
import org.paternoster.replica.Replica;
import org.paternoster.replica.ReplicaHost;

/** The replica's own meters around its journal and its refusals. */
class ReplicaMetricsTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Replica core = new Replica("p", "p1", 50);
  final ReplicaMetrics metrics = new ReplicaMetrics(registry, () -> core, () -> 0L);

  @Test
  void aDurableJournalIsTimedPerCallAndPassedThroughWhileTheNoneJournalIsLeftAlone() {
    List<BookDelta> persisted = new ArrayList<>();
    ReplicaHost.Journal timed = metrics.timing(persisted::add);
    BookDelta changes = new BookDelta(null, List.of());
    timed.persist(changes);
    timed.persist(changes);
    assertThat(persisted).containsExactly(changes, changes);
    assertThat(registry.get("paternoster.book.sync").timer().count()).isEqualTo(2);
    assertThat(metrics.timing(ReplicaHost.Journal.NONE)).as("memory only: nothing to time").isSameAs(ReplicaHost.Journal.NONE);
  }

  @Test
  void refusalsAreCountedByReason() {
    metrics.refused(ReplicaMetrics.Refusal.OVERLOADED);
    metrics.refused(ReplicaMetrics.Refusal.OVERLOADED);
    metrics.refused(ReplicaMetrics.Refusal.NOT_PRIMARY);
    assertThat(registry.get("paternoster.orders.refused").tag("reason", "overloaded").counter().count()).isEqualTo(2);
    assertThat(registry.get("paternoster.orders.refused").tag("reason", "not_primary").counter().count()).isEqualTo(1);
    assertThat(registry.get("paternoster.orders.refused").tag("reason", "not_committed").counter().count()).isZero();
  }
}
