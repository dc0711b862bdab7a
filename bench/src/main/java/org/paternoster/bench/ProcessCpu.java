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

  /**
   * Since {@link #start}: per process, its CPU as a percentage of one core and in microseconds per
   * operation ({@code ops} done in the interval).
   */
  JsonObject since(long ops) {
    double wall = System.nanoTime() - startNanos;
    JsonObject pct = new JsonObject();
    JsonObject perOp = new JsonObject();
    pids.forEach((name, pid) -> {
      long cpuNanos = of(pid).minus(start.get(name)).toNanos();
      pct.put(name, Math.round(1000.0 * cpuNanos / wall) / 10.0);
      perOp.put(name, ops == 0 ? null : Math.round(10.0 * cpuNanos / 1_000 / ops) / 10.0);
    });
    return new JsonObject().put("cpu_pct", pct).put("cpu_us_per_op", perOp);
  }

  /** CPU time the process {@code pid} has used so far (user + system, all threads). */
  static Duration of(long pid) {
    return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
  }

  /** {@code cpu} as a percentage of one core over {@code wallNanos}. */
  static double percent(Duration cpu, long wallNanos) {
    return 100.0 * cpu.toNanos() / wallNanos;
  }
}
