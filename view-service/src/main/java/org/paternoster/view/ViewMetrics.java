package org.paternoster.view;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.paternoster.metrics.ProcessMetrics;

/**
 * The view service's metrics: {@code paternoster_view_changes_total} (by whether the change was a
 * failover), {@code paternoster_failover_seconds} (from the old primary's last sign of life to the
 * new view) and {@code paternoster_view_number}. Recorded when a view change is durable.
 */
final class ViewMetrics {
  private final AtomicLong viewnum = new AtomicLong();
  private final Counter changes;
  private final Counter failovers;
  private final Timer failover;

  ViewMetrics(MeterRegistry registry) {
    Gauge.builder("paternoster.view.number", viewnum, AtomicLong::get).description("the current view number").register(registry);
    changes = Counter.builder("paternoster.view.changes").tag("failover", "false").description("views announced").register(registry);
    failovers = Counter.builder("paternoster.view.changes").tag("failover", "true").description("views announced").register(registry);
    failover = Timer.builder("paternoster.failover").description("from the old primary's last ping to the view that replaced it")
        .publishPercentileHistogram().register(registry);
  }

  private static final java.util.Map<MeterRegistry, ViewMetrics> BY_REGISTRY = new java.util.IdentityHashMap<>();

  /**
   * The metrics of this process (nothing is recorded where it keeps none); one per registry, since
   * a group member builds a new service each time it leads and a gauge is registered only once.
   */
  static synchronized ViewMetrics ofProcess() {
    return BY_REGISTRY.computeIfAbsent(ProcessMetrics.registry(), ViewMetrics::new);
  }

  void announced(ViewChange change) {
    viewnum.set(change.view().viewnum());
    if (change.failoverMs() == null) {
      changes.increment();
    } else {
      failovers.increment();
      failover.record(Duration.ofMillis(change.failoverMs()));
    }
  }
}
