package org.paternoster.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Button → light latency through the whole chain: a cab button is pressed on the node's simulated
 * panel (held 200 ms like a finger), the node's driver polls it over the TTK4145 protocol (every
 * 20 ms), the node submits it, the primary commits it with its backup, and the node lights the
 * lamp (the lamp frame is written in the same event-loop turn). Measured until the node reports
 * the lamp on, polling its state back to back. The simulated car runs 20x faster so that lamps
 * clear between presses; the chain measured does not depend on car speed.
 */
@Command(name = "bench-light", mixinStandardHelpOptions = true)
public final class LightLatencyBench implements Callable<Integer> {
  @Option(names = "--root", required = true) Path root;
  @Option(names = "--presses", defaultValue = "200") int presses;
  @Option(names = "--floors", defaultValue = "9") int floors;

  @Override
  public Integer call() throws Exception {
    Path logs = Files.createTempDirectory("bench-light");
    Vertx vertx = Vertx.vertx();
    WebClient http = WebClient.create(vertx);
    String node = "http://127.0.0.1:7985";
    try (Cluster cluster = new Cluster(root, logs, 7980, Timing.defaults())) {
      cluster.startReplica(1, floors);
      cluster.startReplica(2, floors);
      cluster.startScript("e1", "elevator.sh", "--id", "e1", "--port", "7985", "--floors", "" + floors,
          "--simulate", "--time-scale", "20", "--view-service", cluster.viewService, "--discovery", "none");
      NodePanel panel = new NodePanel(http, node, floors);
      panel.awaitOnline();
      Histogram histogram = new Histogram(3);
      int floor = 0;
      for (int i = 0; i < presses; i++) {
        floor = panel.nextUnlit(floor);
        histogram.recordValue(panel.pressUntilLit(floor));
      }
      System.out.println(new JsonObject().put("bench", "button-to-light").put("presses", histogram.getTotalCount())
          .put("p50_ms", ms(histogram.getValueAtPercentile(50))).put("p99_ms", ms(histogram.getValueAtPercentile(99)))
          .put("max_ms", ms(histogram.getMaxValue())).put("min_ms", ms(histogram.getMinValue()))
          .put("percentiles_ms", Percentiles.of(histogram))
          .put("driver_poll_ms", 20).put("replicas", 2).put("machine", Machine.describe()).encode());
      return 0;
    } finally {
      vertx.close().await();
    }
  }

  private static double ms(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LightLatencyBench()).execute(args));
  }
}
