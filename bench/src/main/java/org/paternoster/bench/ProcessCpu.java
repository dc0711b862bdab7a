package org.paternoster.bench;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of named processes (user + system, all threads) over an interval, so a benchmark can
 * say which process a figure was bound by: on a 2-core machine the load generator shares the
 * cores with the servers it measures.
 */
final class ProcessCpu {
  private final Map<String, Long> pids;
  private final Map<String, Duration> start = new LinkedHashMap<>();
  private long startNanos;

  /** {@code pids}: name → process id, in the order the report should list them. */
  ProcessCpu(Map<String, Long> pids) {
    this.pids = pids;
  }

  /** Starts an interval. */
  void start() {
    pids.forEach((name, pid) -> start.put(name, of(pid)));
    startNanos = System.nanoTime();
  }

  /** Process {@code name}'s CPU since {@link #start}, as a percentage of one core. */
  double percentSince(String name) {
    return Math.round(1000.0 * cpuNanosSince(name) / (System.nanoTime() - startNanos)) / 10.0;
  }

  /**
   * Since {@link #start}: per process, its CPU as a percentage of one core and in microseconds per
   * operation ({@code ops} done in the interval).
   */
  JsonObject since(long ops) {
    JsonObject pct = new JsonObject();
    JsonObject perOp = new JsonObject();
    pids.keySet().forEach(name -> {
      pct.put(name, percentSince(name));
      perOp.put(name, ops == 0 ? null : Math.round(10.0 * cpuNanosSince(name) / 1_000 / ops) / 10.0);
    });
    return new JsonObject().put("cpu_pct", pct).put("cpu_us_per_op", perOp);
  }

  private long cpuNanosSince(String name) {
    return of(pids.get(name)).minus(start.get(name)).toNanos();
  }

  /** CPU time the process {@code pid} has used so far (user + system, all threads). */
  private static Duration of(long pid) {
    return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
  }
}
