package org.paternoster.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.paternoster.http.JsonHttp;

/**
 * Every process's metrics in the Prometheus text format at {@code GET /metrics}: Vert.x's own
 * (HTTP server and client requests, pools, event loops) plus Paternoster's (view changes and
 * failover durations, commits, the lease, lamp latency), all in one registry per process.
 */
public final class ProcessMetrics {
  /** Records nothing: what {@link #registry()} gives code running on a Vert.x without metrics (tests). */
  private static final MeterRegistry NONE = new CompositeMeterRegistry();

  private ProcessMetrics() {}

  /**
   * A Vert.x whose metrics go to a Prometheus registry, scraped by {@link #mount}; a plain one when
   * the environment says {@code PATERNOSTER_METRICS=off}.
   */
  public static Vertx vertx() {
    return vertx(MetricsDomain.HTTP_CLIENT);
  }

  /**
   * As {@link #vertx()}, but without Vert.x's per-request HTTP server meters either: for a process
   * whose requests are its hot path (a replica: they cost 9-14 % of its commit throughput,
   * bench-commit at 16 and 64 clients), which counts what matters itself (commits, their latency,
   * refusals). The JVM's, the pools' and the event loops' meters stay.
   */
  public static Vertx vertxWithoutRequestMeters() {
    return vertx(MetricsDomain.HTTP_CLIENT, MetricsDomain.HTTP_SERVER);
  }

  // Outgoing requests are the processes' own protocol traffic (forwards, pings), timed by
  // Paternoster's metrics where it matters (paternoster_commit_seconds); Vert.x's per-request
  // client meters cost a registry look-up on every forward (measured: bench-commit, 16 clients).
  private static Vertx vertx(MetricsDomain... disabled) {
    if ("off".equals(System.getenv("PATERNOSTER_METRICS"))) return Vertx.vertx(options());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerMetricsOptions options = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    for (MetricsDomain domain : disabled) options.addDisabledMetricsCategory(domain);
    return Vertx.builder().with(options().setMetricsOptions(options)).withMetrics(new MicrometerMetricsFactory(registry)).build();
  }

  /**
   * Every process's Vert.x options (and those of any Vert.x of its own a process makes besides):
   * Netty's native epoll transport where the platform has it (the jar ships Linux x86-64's;
   * elsewhere Vert.x falls back to Java NIO, and {@code Service} says so).
   * Measured against NIO: the primary's CPU per commit 7-10 % lower, and 15 % more commits per
   * second at 64 clients (bench-commit, same run, 2026-12-01).
   */
  public static VertxOptions options() {
    return new VertxOptions().setPreferNativeTransport(true);
  }

  /** Mounts {@code GET /metrics}; where this process keeps no metrics, a 404 JSON error says so. */
  public static void mount(Router router) {
    if (BackendRegistries.getDefaultNow() instanceof PrometheusMeterRegistry) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create());
    } else {
      router.get("/metrics").handler(ctx -> JsonHttp.error(ctx, 404, "this process keeps no metrics (started without ProcessMetrics.vertx())"));
    }
  }

  /** The process's registry, or one that records nothing when it keeps no metrics. */
  public static MeterRegistry registry() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return registry != null ? registry : NONE;
  }
}
