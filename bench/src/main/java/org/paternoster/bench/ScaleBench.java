package org.paternoster.bench;

import static org.paternoster.bench.Percentiles.ms;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.paternoster.elevator.node.NodeConfig;
import org.paternoster.elevator.node.NodeVerticle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One primary/backup pair serving many elevators: a view service and two replicas as real
 * processes (the shipped defaults), and {@code N} elevator nodes on the built-in simulator, all in
 * this JVM (64 node JVMs would not fit a lab machine; each node is still its own verticle with its
 * own simulator server, driver polling as on the simulator by default and link to the primary,
 * exactly as {@code elevator.sh} runs one). For each N: the primary's CPU while the cars stand
 * idle (reports every 100 ms, pushes), then button → light over {@code --presses} cab presses
 * spread round-robin over the cars, each after a random pause ({@link NodePanel}, as
 * {@code bench-light.sh} measures it), after {@code --warmup} presses made the same way and
 * reported apart, and the primary's CPU during the timed presses. One JSON line per N.
 */
@Command(name = "bench-scale.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Button-to-light latency and the primary's CPU with N simulated elevators (issue 16).")
public final class ScaleBench implements Callable<Integer> {
  @Option(names = "--root", required = true, hidden = true) Path root;

  @Option(names = "--elevators", defaultValue = "3,16,64", split = ",", description = "group sizes to run, each on a fresh cluster (default: ${DEFAULT-VALUE})")
  List<Integer> sizes;

  @Option(names = "--presses", defaultValue = "200", description = "timed presses per group size (default: ${DEFAULT-VALUE})")
  int presses;

  @Option(names = "--floors", defaultValue = "9", description = "floors (default: ${DEFAULT-VALUE})")
  int floors;

  @Option(names = "--warmup", defaultValue = "100", description = "presses made first and reported apart (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--poll-ms", description = "the nodes' driver poll interval (default: the simulator's)")
  Long pollMs;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the pauses between presses")
  long seed;

  @Option(names = "--idle-s", defaultValue = "5", description = "seconds of idle cars over which the primary's CPU is measured (default: ${DEFAULT-VALUE})")
  int idleS;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = new CommandLine(this);
    for (int n : sizes) if (n < 1 || n > 256) throw new CommandLine.ParameterException(cmd, "--elevators must be in 1..256");
    if (presses < 1 || floors < 4 || floors > 32 || idleS < 1) throw new CommandLine.ParameterException(cmd, "--presses >= 1, --floors in 4..32, --idle-s >= 1");
    int run = 0;
    for (int n : sizes) measure(n, 7940 + 20 * run, 18_000 + 300 * run++);
    return 0;
  }

  private void measure(int n, int clusterPort, int nodePort) throws Exception {
    Path logs = Files.createTempDirectory("bench-scale");
    Vertx client = Vertx.vertx();
    Vertx nodes = Vertx.vertx();
    WebClient http = WebClient.create(client);
    try (Cluster cluster = new Cluster(root, logs, clusterPort, Timing.defaults())) {
      cluster.startReplica(1, floors);
      cluster.startReplica(2, floors);
      List<NodePanel> panels = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int port = nodePort + k;
        NodeConfig config = NodeConfig.simulated(String.format("e%03d", k), "127.0.0.1", port, floors, 1_000 + k,
            () -> cluster.viewService, null).timeScaled(20); // cars 20x faster: lamps clear between presses
        if (pollMs != null) config = config.withPollMs(pollMs);
        nodes.deployVerticle(new NodeVerticle(config)).await();
        panels.add(new NodePanel(client, http, port, floors));
      }
      for (NodePanel p : panels) p.awaitOnline();
      ProcessCpu primary = new ProcessCpu(java.util.Map.of("primary", cluster.pid(cluster.view(http).getString("primary"))));
      int[] floorOf = new int[n];
      java.util.Random pauses = new java.util.Random(seed);
      Histogram warm = new Histogram(3);
      for (int i = 0; i < Math.max(warmup, n); i++) { // at least one press per car
        int k = i % n;
        floorOf[k] = panels.get(k).nextUnlit(floorOf[k]);
        warm.recordValue(panels.get(k).pressAfterPauseUntilLit(floorOf[k], pauses));
      }

      primary.start();
      Thread.sleep(idleS * 1_000L);
      double idlePct = primary.percentSince("primary");

      Histogram histogram = new Histogram(3);
      primary.start();
      for (int i = 0; i < presses; i++) {
        int k = i % n;
        floorOf[k] = panels.get(k).nextUnlit(floorOf[k]);
        histogram.recordValue(panels.get(k).pressAfterPauseUntilLit(floorOf[k], pauses));
      }
      double busyPct = primary.percentSince("primary");
      System.out.println(new JsonObject().put("bench", "scale").put("elevators", n).put("floors", floors).put("presses", histogram.getTotalCount())
          .put("light_p50_ms", ms(histogram.getValueAtPercentile(50))).put("light_p99_ms", ms(histogram.getValueAtPercentile(99)))
          .put("light_max_ms", ms(histogram.getMaxValue())).put("percentiles_ms", Percentiles.of(histogram))
          .put("warmup", Percentiles.summary(warm))
          .put("poll_ms", pollMs == null ? NodeConfig.SIMULATOR_POLL_MS : pollMs)
          .put("primary_cpu_idle_pct", round(idlePct)).put("primary_cpu_idle_pct_per_elevator", round(idlePct / n))
          .put("primary_cpu_pressing_pct", round(busyPct)).put("primary_cpu_pressing_pct_per_elevator", round(busyPct / n))
          .put("nodes", "in the bench's JVM").put("machine", Machine.describe()).encode());
      nodes.close().await(); // before the cluster goes: no noise from nodes losing their primary
    } finally {
      nodes.close().await();
      client.close().await();
    }
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }


  public static void main(String[] args) {
    System.exit(new CommandLine(new ScaleBench()).execute(args));
  }
}
