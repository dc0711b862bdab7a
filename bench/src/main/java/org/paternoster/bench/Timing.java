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
  /** Until 2026-11-30 the benchmarks' clients gave up after max(100 ms, two ping intervals); pass 100 to compare. */
  @Option(names = "--client-timeout-ms", defaultValue = "" + org.paternoster.replica.client.OrderClient.NODE_REQUEST_TIMEOUT_MS,
      description = "how long a client waits for one request (default: what an elevator node waits)") long clientTimeoutMs;

  /** The shipped defaults, for benchmarks that take no timing options. */
  static Timing defaults() {
    Timing t = new Timing();
    t.pingMs = PingTiming.DEFAULT_INTERVAL_MS;
    t.deadPings = PingTiming.DEFAULT_DEAD_PINGS;
    t.detector = "adaptive";
    t.clientTimeoutMs = org.paternoster.replica.client.OrderClient.NODE_REQUEST_TIMEOUT_MS;
    return t;
  }

  List<String> viewServiceArgs() {
    return List.of("--ping-interval-ms", "" + pingMs, "--dead-pings", "" + deadPings, "--detector", detector);
  }

  List<String> replicaArgs() {
    return List.of("--ping-interval-ms", "" + pingMs);
  }

  /** How long a client waits for one request. */
  long clientTimeoutMs() {
    return clientTimeoutMs;
  }

  /** Adds the timing to a benchmark's JSON line. */
  JsonObject describe(JsonObject line) {
    return line.put("ping_interval_ms", pingMs).put("dead_pings", deadPings).put("detector", detector).put("client_timeout_ms", clientTimeoutMs);
  }
}
