package org.paternoster.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.paternoster.process.ChildProcess;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * False failovers at start-up (issue 12): starts {@code scripts/demo.sh} as a newcomer would (every
 * process on the shipped defaults, all JVMs warming up at once on this machine), watches the view
 * service's history for {@code --watch-s}, and counts every view change that is not the first
 * primary or a backup joining: with nobody touching anything, each one is a false failover. One
 * JSON line per round, then a summary.
 */
@Command(name = "bench-demo-start", mixinStandardHelpOptions = true)
public final class DemoStartBench implements Callable<Integer> {
  /** The only view changes a quiet start makes. */
  private static final Set<String> STARTUP_REASONS = Set.of("first primary", "backup joined");

  @Option(names = "--root", required = true) Path root;
  @Option(names = "--rounds", defaultValue = "5") int rounds;
  @Option(names = "--watch-s", defaultValue = "60") int watchS;
  @Option(names = "--base-port", defaultValue = "7600") int basePort;
  @Option(names = "--traffic", description = "Start the demo with its passenger traffic.") boolean traffic;
  @Option(names = "--view-service-members", defaultValue = "1", description = "1, or 3 for a replicated view service.") int members;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    WebClient http = WebClient.create(vertx);
    int total = 0;
    List<Integer> perRound = new ArrayList<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        JsonArray views = watchOneStart(http, round);
        List<String> false_ = new ArrayList<>();
        for (Object o : views) {
          JsonObject v = (JsonObject) o;
          if (!STARTUP_REASONS.contains(v.getString("reason"))) false_.add("view " + v.getLong("viewnum") + ": " + v.getString("reason"));
        }
        total += false_.size();
        perRound.add(false_.size());
        System.out.println(new JsonObject().put("bench", "demo-start").put("round", round).put("watchS", watchS)
            .put("views", views.size()).put("falseFailovers", false_.size()).put("changes", new JsonArray(false_)).encode());
      }
    } finally {
      vertx.close();
    }
    System.out.println(new JsonObject().put("bench", "demo-start").put("summary", true).put("rounds", rounds).put("watchS", watchS)
        .put("traffic", traffic).put("viewServiceMembers", members).put("falseFailovers", total).put("perRound", new JsonArray(perRound))
        .put("cores", Runtime.getRuntime().availableProcessors()).encode());
    return total == 0 ? 0 : 1;
  }

  /** One demo start, watched for {@code watchS}; returns the view service's history at the end. */
  private JsonArray watchOneStart(WebClient http, int round) throws Exception {
    Path log = Files.createTempFile("bench-demo-start-" + round, ".log");
    List<String> cmd = new ArrayList<>(List.of(root.resolve("scripts/demo.sh").toString(),
        "--base-port", "" + basePort, "--dashboard-port", "" + (basePort + 90)));
    if (traffic) cmd.add("--traffic");
    if (members != 1) cmd.addAll(List.of("--view-service-members", "" + members));
    ChildProcess demo = ChildProcess.command(cmd).log(log).start("demo-" + round);
    String views = "http://127.0.0.1:" + basePort + "/views";
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(watchS);
    JsonArray last = new JsonArray();
    try {
      while (System.nanoTime() < end) {
        if (!demo.isAlive()) throw new IllegalStateException("demo.sh exited; see " + log);
        try {
          last = http.getAbs(views).timeout(1_000).send().await().bodyAsJsonArray();
        } catch (Exception starting) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      return last;
    } finally {
      demo.terminate(Duration.ofSeconds(30)); // SIGTERM: demo.sh stops everything it started
      log.toFile().deleteOnExit();
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DemoStartBench()).execute(args));
  }
}
