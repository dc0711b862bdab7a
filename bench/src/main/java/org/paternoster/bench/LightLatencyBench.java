package org.paternoster.bench;

import static org.paternoster.bench.Percentiles.ms;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Button → light latency through the whole chain: a cab button is pressed on the node's simulated
 * panel (held 200 ms like a finger), the node's driver polls it over the TTK4145 protocol (every
 * 20 ms), the node submits it, the primary commits it with its backup, and the node lights the
 * lamp (the lamp frame is written in the same event-loop turn). Measured until the node reports
 * the lamp on, which it pushes to a watcher ({@link NodePanel}). The simulated car runs 20x
 * faster so that lamps clear between presses; the chain measured does not depend on car speed.
 *
 * <p>Each press comes after a random pause (0–50 ms, seeded), as a person's would: pressing right
 * after the last lamp lit would always land just after a poll and measure a full poll period
 * every time. The first {@code --warmup} presses (JIT compilation of every process on the path)
 * are made the same way and reported apart. By default they start as soon as the node is
 * online, while every process is still starting (class loading, compiling, the replicas' warm-up
 * of their replication path: about 4 s of both cores); {@code --settle-s} waits that out first, as a
 * building's first passenger would, to tell start-up apart from first-time work on the path.
 *
 * <p>With {@code --course-simulator}, the node drives the course's own simulator instead, at its
 * own speed ({@code --travel-ms}), and any hall or cab button is pressed on it ({@link
 * CourseSimulatorPanel}): the lamp is then seen when its command reaches that simulator. With
 * {@code --cars N} there, N nodes each drive a simulator of their own, buttons are pressed on every
 * panel in turn, and a hall press is also timed until its lamp shows on every panel ({@link
 * CourseSimulatorGroup}).
 */
@Command(name = "bench-light", mixinStandardHelpOptions = true)
public final class LightLatencyBench implements Callable<Integer> {
  @Option(names = "--root", required = true) Path root;
  @Option(names = "--presses", defaultValue = "200") int presses;
  @Option(names = "--floors", defaultValue = "9") int floors;
  @Option(names = "--warmup", defaultValue = "100", description = "presses made first and reported apart (default: ${DEFAULT-VALUE})") int warmup;
  @Option(names = "--seed", defaultValue = "1", description = "seed of the pauses between presses") long seed;
  @Option(names = "--settle-s", defaultValue = "0", description = "seconds to wait after the node is online before the first press: the processes' start-up takes both cores for about 4 s (default: ${DEFAULT-VALUE}, press at once)") int settleS;
  @Option(names = "--poll-ms", description = "the node's driver poll interval (default: the node's)") Integer pollMs;
  @Option(names = "--course-simulator", paramLabel = "BINARY", description = "drive the course's own SimElevatorServer (TTK4145 Simulator-v2) instead of the built-in simulator: keys pressed on its stdin, lamps read from its display (scripts/course-simulator.sh builds it)") Path courseSimulator;
  @Option(names = "--cars", defaultValue = "1", description = "with --course-simulator: cars, each its own node and simulator; hall presses are also timed until lit on every panel (default: ${DEFAULT-VALUE}; for many cars on the built-in simulator see bench-scale)") int cars;
  @Option(names = "--travel-ms", defaultValue = "400", description = "with --course-simulator: its floor-to-floor travel time (default: ${DEFAULT-VALUE}; the course's is 2000)") int travelMs;

  private static final int NODE_PORT = 7985;
  private static final int COURSE_SIMULATOR_PORT = 7986; // car k's node and simulator: these + 2k

  @Override
  public Integer call() throws Exception {
    if (cars < 1 || cars > 9 || (cars > 1 && courseSimulator == null)) {
      System.err.println("--cars takes 1..9, and more than 1 only with --course-simulator (bench-scale.sh drives many cars on the built-in simulator)");
      return 2;
    }
    Path logs = Files.createTempDirectory("bench-light");
    Vertx vertx = Vertx.vertx();
    WebClient http = WebClient.create(vertx);
    String node = "http://127.0.0.1:" + NODE_PORT; // e1's: its own lamp latency is reported
    CourseSimulatorGroup course = null;
    try (Cluster cluster = new Cluster(root, logs, 7980, Timing.defaults())) {
      cluster.startReplica(1, floors);
      cluster.startReplica(2, floors);
      List<Integer> simulatorPorts = IntStream.range(0, cars).mapToObj(car -> COURSE_SIMULATOR_PORT + 2 * car).toList();
      course = courseSimulator == null ? null : CourseSimulatorGroup.start(courseSimulator, simulatorPorts, floors, travelMs, logs);
      List<NodePanel> nodes = new ArrayList<>();
      for (int car = 0; car < cars; car++) {
        int nodePort = NODE_PORT + 2 * car;
        List<String> args = new ArrayList<>(List.of("--id", "e" + (car + 1), "--port", "" + nodePort, "--floors", "" + floors,
            "--view-service", cluster.viewService, "--discovery", "none"));
        args.addAll(course == null ? List.of("--simulate", "--time-scale", "20")
            : List.of("--hardware", "127.0.0.1:" + simulatorPorts.get(car)));
        if (pollMs != null) args.addAll(List.of("--poll-ms", "" + pollMs));
        cluster.startScript("e" + (car + 1), "elevator.sh", args.toArray(String[]::new));
        nodes.add(new NodePanel(vertx, http, nodePort, floors));
      }
      for (NodePanel each : nodes) each.awaitOnline();
      if (course != null) course.awaitConnected();
      Panel panel = course == null ? nodes.get(0) : course;
      if (settleS > 0) Thread.sleep(settleS * 1000L);
      java.util.Random pauses = new java.util.Random(seed);
      Histogram warm = new Histogram(3);
      Histogram histogram = new Histogram(3);
      Histogram everyPanel = new Histogram(3); // hall presses after the warm-up, until lit on every panel
      int button = 0;
      long[] warmupMicros = new long[warmup];
      for (int i = 0; i < warmup + presses; i++) {
        button = panel.nextUnlit(button);
        long micros = panel.pressAfterPauseUntilLit(button, pauses); // µs
        (i < warmup ? warm : histogram).recordValue(micros);
        if (i < warmup) warmupMicros[i] = micros;
        else if (course != null && course.lastOnEveryPanelMicros() >= 0) everyPanel.recordValue(course.lastOnEveryPanelMicros());
      }
      JsonObject inNode = nodeLampLatency(http, node);
      System.out.println(new JsonObject().put("bench", "button-to-light").put("presses", histogram.getTotalCount())
          .put("node_press_to_lamp", inNode)
          .put("p50_ms", ms(histogram.getValueAtPercentile(50))).put("p99_ms", ms(histogram.getValueAtPercentile(99)))
          .put("max_ms", ms(histogram.getMaxValue())).put("min_ms", ms(histogram.getMinValue()))
          .put("percentiles_ms", Percentiles.of(histogram))
          .put("warmup", Percentiles.summary(warm).put("slowest", slowest(warmupMicros, 5)))
          .put("driver_poll_ms", pollMs == null ? "node default" : pollMs)
          .put("hardware", course == null ? "built-in simulator, 20x" : new JsonObject().put("course_simulator", courseSimulator.toString())
              .put("travel_ms", travelMs).put("displays", new JsonArray(course.displays())))
          .put("cars", cars).put("hall_lit_on_every_panel", course == null ? null : Percentiles.summary(everyPanel)).put("replicas", 2).put("machine", Machine.describe()).encode());
      return 0;
    } finally {
      if (course != null) course.close();
      vertx.close().await();
    }
  }

  /** The {@code n} slowest presses as {@code [press number from 1, ms]}: early ones are first-time work, spread ones compilation. */
  private static JsonArray slowest(long[] micros, int n) {
    JsonArray out = new JsonArray();
    IntStream.range(0, micros.length).boxed().sorted((a, b) -> Long.compare(micros[b], micros[a])).limit(n)
        .forEach(i -> out.add(new JsonArray().add(i + 1).add(ms(micros[i]))));
    return out;
  }

  /**
   * The node's own view of the same presses ({@code paternoster_lamp_latency_seconds}: from the
   * driver seeing the press to the lamp lit, so without the poll's wait): mean, the upper bounds
   * of the histogram buckets holding the median and the 99th percentile, and max, in ms.
   */
  private static JsonObject nodeLampLatency(WebClient http, String node) {
    String text = http.getAbs(node + "/metrics").send().await().bodyAsString();
    double sum = 0, count = 0, max = 0;
    java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>(); // le seconds -> cumulative count
    for (String line : text.split("\n")) {
      if (line.startsWith("paternoster_lamp_latency_seconds_sum")) sum = value(line);
      else if (line.startsWith("paternoster_lamp_latency_seconds_count")) count = value(line);
      else if (line.startsWith("paternoster_lamp_latency_seconds_max")) max = value(line);
      else if (line.startsWith("paternoster_lamp_latency_seconds_bucket") && !line.contains("+Inf")) {
        String le = line.substring(line.indexOf("le=\"") + 4);
        buckets.put(Double.parseDouble(le.substring(0, le.indexOf('"'))), value(line));
      }
    }
    return new JsonObject().put("count", (long) count).put("mean_ms", count == 0 ? null : round(sum / count))
        .put("p50_le_ms", bucketAt(buckets, count * 0.5)).put("p99_le_ms", bucketAt(buckets, count * 0.99)).put("max_ms", round(max));
  }

  private static Double bucketAt(java.util.TreeMap<Double, Double> buckets, double rank) {
    for (var e : buckets.entrySet()) if (e.getValue() >= rank) return round(e.getKey());
    return null;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1e5) / 100.0;
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LightLatencyBench()).execute(args));
  }
}
