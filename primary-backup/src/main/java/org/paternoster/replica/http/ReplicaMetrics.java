package org.paternoster.replica.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Handover;
import org.paternoster.replica.PeerReply;
import org.paternoster.replica.Promotion;
import org.paternoster.replica.Replica;
import org.paternoster.replica.ReplicaHost;
import org.paternoster.replica.Transfer;

/**
 * A replica's metrics: {@code paternoster_commits_total} and {@code paternoster_commit_seconds}
 * (submission to acknowledgement, primary and backup holding the order; the last minute of them
 * also for {@code GET /state}),
 * {@code paternoster_forward_batch_ops} (operations per forward: group commit at work),
 * {@code paternoster_promotion_seconds} (adopting a view as its primary to acting),
 * {@code paternoster_lease_held} (1 while this replica may act as primary) and
 * {@code paternoster_replica_view}. Gauges are read when scraped, on the replica's event loop.
 */
final class ReplicaMetrics {
  /** The last minute's commit latencies, for {@code GET /state} (the dashboard's p50/p99). */
  private final LatencyWindow window = new LatencyWindow(60_000);
  private final Counter commits;
  private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
  private final Timer commitTime;
  private final DistributionSummary batch;
  private final Timer promotionTime;
  private final Timer forwardTime;
  private final Timer journalTime;

  /** Why an order was answered 503 (nothing acknowledged; the client resends the same id). */
  enum Refusal {
    /** Nothing ordered: more orders already wait for their commit than admission control allows. */
    OVERLOADED,
    /** This replica is not the primary that may acknowledge it. */
    NOT_PRIMARY,
    /** Not committed in time. */
    NOT_COMMITTED
  }

  ReplicaMetrics(MeterRegistry registry, Supplier<Replica> core, LongSupplier clock) {
    commits = Counter.builder("paternoster.commits").description("orders acknowledged as committed").register(registry);
    for (Refusal r : Refusal.values()) {
      refusals.put(r, Counter.builder("paternoster.orders.refused").tag("reason", r.name().toLowerCase(Locale.ROOT))
          .description("orders answered 503 (nothing acknowledged; the client resends the same id)").register(registry));
    }
    commitTime = Timer.builder("paternoster.commit").description("from submission to acknowledgement")
        .publishPercentileHistogram().register(registry);
    batch = DistributionSummary.builder("paternoster.forward.batch").baseUnit("ops")
        .description("operations carried by one forward to the backup").register(registry);
    forwardTime = Timer.builder("paternoster.forward.roundtrip").description("from sending a forward to the backup's answer (or its failure)")
        .publishPercentileHistogram().register(registry);
    journalTime = Timer.builder("paternoster.book.sync")
        .description("one input's book changes made durable (durable books): written, fsynced once (group commit), compacted when due")
        .publishPercentileHistogram().register(registry);
    promotionTime = Timer.builder("paternoster.promotion").description("from adopting a view as its primary to acting (leased, backup synced)")
        .register(registry);
    Gauge.builder("paternoster.lease.held", () -> core.get().hasLease(clock.getAsLong()) ? 1 : 0)
        .description("1 while this replica holds the primary's lease").register(registry);
    Gauge.builder("paternoster.replica.view", () -> core.get().view().viewnum()).description("the view this replica is in").register(registry);
  }

  /** An order submitted here was acknowledged at {@code now}, {@code micros} after its submission. */
  void committed(long now, long micros) {
    window.record(now, micros);
    commits.increment();
    commitTime.record(micros, TimeUnit.MICROSECONDS);
  }

  /** An order was answered 503, for {@code reason}. */
  void refused(Refusal reason) {
    refusals.get(reason).increment();
  }

  /** {@code journal}, timing each call (the durable book's write and fsync); {@link ReplicaHost.Journal#NONE} as it is. */
  ReplicaHost.Journal timing(ReplicaHost.Journal journal) {
    if (journal == ReplicaHost.Journal.NONE) return journal;
    return changes -> {
      long start = System.nanoTime();
      journal.persist(changes);
      journalTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    };
  }

  /** This replica became a primary that may act, {@code report} says how fast. */
  void promoted(Promotion.Report report) {
    promotionTime.record(report.actMs(), TimeUnit.MILLISECONDS);
  }

  /** p50, p99 and count of the last minute's commits, for {@code GET /state}. */
  io.vertx.core.json.JsonObject latencySummary(long now) {
    return window.summary(now);
  }

  /** {@code transport}, counting the operations of every forward it sends. */
  ReplicaHost.Transport counting(ReplicaHost.Transport transport) {
    return new ReplicaHost.Transport() {
      @Override
      public void forward(String to, Forward forward, java.util.function.Consumer<PeerReply> reply) {
        batch.record(forward.ops().size());
        long sent = System.nanoTime();
        transport.forward(to, forward, r -> {
          forwardTime.record(System.nanoTime() - sent, TimeUnit.NANOSECONDS);
          reply.accept(r);
        });
      }

      @Override
      public void transfer(String to, Transfer transfer, java.util.function.Consumer<PeerReply> reply) {
        transport.transfer(to, transfer, reply);
      }

      @Override
      public void handover(String to, Handover handover, java.util.function.Consumer<Handover.Reply> reply) {
        transport.handover(to, handover, reply);
      }
    };
  }
}
