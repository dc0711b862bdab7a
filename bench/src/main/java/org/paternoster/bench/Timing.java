package org.paternoster.bench;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.paternoster.view.PingTiming;
import picocli.CommandLine.Option;

/**
 * The failure-detection timing a benchmark's cluster runs, as command-line options (a picocli
 * mixin) whose defaults are the shipped ones: passed to the view service and the replicas alike.
 */
final class Timing {
  @Option(names = "--ping-interval-ms", defaultValue = "" + PingTiming.DEFAULT_INTERVAL_MS) long pingMs;
  @Option(names = "--dead-pings", defaultValue = "" + PingTiming.DEFAULT_DEAD_PINGS) int deadPings;
  @Option(names = "--detector", defaultValue = "adaptive") String detector;

  /** The shipped defaults, for benchmarks that take no timing options. */
  static Timing defaults() {
    Timing t = new Timing();
    t.pingMs = PingTiming.DEFAULT_INTERVAL_MS;
    t.deadPings = PingTiming.DEFAULT_DEAD_PINGS;
    t.detector = "adaptive";
    return t;
  }

  List<String> viewServiceArgs() {
    return List.of("--ping-interval-ms", "" + pingMs, "--dead-pings", "" + deadPings, "--detector", detector);
  }

  List<String> replicaArgs() {
    return List.of("--ping-interval-ms", "" + pingMs);
  }

  /** How long a client waits for one request: two ping intervals, at least 100 ms. */
  long clientTimeoutMs() {
    return Math.max(100, 2 * pingMs);
  }

  /** Adds the timing to a benchmark's JSON line. */
  JsonObject describe(JsonObject line) {
    return line.put("ping_interval_ms", pingMs).put("dead_pings", deadPings).put("detector", detector);
  }
}
