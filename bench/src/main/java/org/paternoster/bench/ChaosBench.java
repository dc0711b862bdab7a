package org.paternoster.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paternoster.process.ChildProcess;
import org.paternoster.system.chaos.ChaosMain;
import org.paternoster.system.chaos.FaultKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench-chaos.sh}: N chaos runs with consecutive seeds, one after the other, each
 * a separate {@code scripts/chaos.sh} process (its progress and summary go to {@code OUT/seed-N/chaos.log}).
 * Prints each run's summary line, then an aggregate line: schedules, lost calls, violations, worst
 * service time, faults injected. Exit 0 when every run held every property.
 */
@Command(name = "bench-chaos.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Many chaos runs with consecutive seeds, and their totals.")
public final class ChaosBench implements Callable<Integer> {
  @Option(names = "--runs", defaultValue = "10", description = "how many runs (default: ${DEFAULT-VALUE})") int runs;
  @Option(names = "--duration", defaultValue = "60s", description = "duration of each run (default: ${DEFAULT-VALUE})") String duration;
  @Option(names = "--first-seed", defaultValue = "1", description = "seed of the first run (default: ${DEFAULT-VALUE})") long firstSeed;
  @Option(names = "--faults", defaultValue = "all", description = "passed to chaos.sh (default: ${DEFAULT-VALUE})") String faults;
  @Option(names = "--network", defaultValue = "auto", description = "passed to chaos.sh: auto, netns, loopback (default: ${DEFAULT-VALUE})") String network;
  @Option(names = "--durable-books", description = "passed to chaos.sh: replicas keep their books on disk") boolean durableBooks;
  @Option(names = "--on-total-loss", defaultValue = "rebuild", description = "passed to chaos.sh: wait or rebuild (default: ${DEFAULT-VALUE})")
  String onTotalLoss;
  @Option(names = "--out", description = "where runs go (default: run/bench-chaos)") Path out;
  @Option(names = "--root", hidden = true) Path root;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = new CommandLine(this);
    if (runs < 1) throw new CommandLine.ParameterException(cmd, "--runs must be at least 1");
    ChaosMain.millis(cmd, "--duration", duration);
    try {
      FaultKind.parse(faults, durableBooks);
      org.paternoster.view.TotalLossPolicy.parse(onTotalLoss); // chaos.sh checks it too; fail before the first run
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
    if (root == null) root = Path.of(".").toAbsolutePath().normalize();
    Path base = (out != null ? out : root.resolve("run/bench-chaos")).toAbsolutePath();
    int lost = 0;
    int served = 0;
    int violations = 0;
    int failed = 0;
    double worst = 0;
    int faultsTotal = 0;
    long unexplained = 0;
    JsonArray failedSeeds = new JsonArray();
    JsonObject byKind = new JsonObject();
    String networkFaults = null;
    String networkMode = null;
    for (int i = 0; i < runs; i++) {
      long seed = firstSeed + i;
      Path dir = base.resolve("seed-" + seed);
      Files.createDirectories(dir);
      Path summary = dir.resolve("summary.json");
      Files.deleteIfExists(summary); // a summary left by an earlier run of this seed is not this run's
      Path log = dir.resolve("chaos.log");
      Files.deleteIfExists(log);
      int code;
      List<String> args = new ArrayList<>(List.of(root.resolve("scripts/chaos.sh").toString(), "--seed", "" + seed,
          "--duration", duration, "--faults", faults, "--network", network, "--out", dir.toString()));
      if (durableBooks) args.add("--durable-books");
      args.addAll(List.of("--on-total-loss", onTotalLoss));
      try (ChildProcess chaos = ChildProcess.command(args)
          .env("PATERNOSTER_NO_BUILD", "1").log(log).start("chaos-seed-" + seed)) {
        code = chaos.waitForExit();
      }
      JsonObject s;
      try {
        s = new JsonObject(Files.readString(summary, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        s = new JsonObject().put("seed", seed).put("error", "no summary (exit " + code + "), see " + log);
      }
      System.out.println(s.encode());
      System.out.flush();
      if (code != 0) {
        failed++;
        failedSeeds.add(seed);
      }
      lost += s.getInteger("lost", 0);
      served += s.getInteger("served", 0);
      violations += s.getJsonArray("violations", new JsonArray()).size();
      worst = Math.max(worst, s.getDouble("worstServiceS", 0.0));
      faultsTotal += s.getInteger("faultsTotal", 0);
      unexplained += s.getLong("unexplainedFailovers", 0L);
      networkFaults = s.getString("networkFaults", networkFaults);
      networkMode = s.getString("network", networkMode);
      JsonObject kinds = s.getJsonObject("faults", new JsonObject());
      for (String k : kinds.fieldNames()) byKind.put(k, byKind.getInteger(k, 0) + kinds.getInteger(k));
    }
    System.out.println(new JsonObject().put("chaos", "aggregate").put("schedules", runs).put("firstSeed", firstSeed)
        .put("durationEach", duration).put("failedRuns", failed).put("failedSeeds", failedSeeds).put("lost", lost)
        .put("served", served).put("violations", violations).put("worstServiceS", worst).put("faults", byKind)
        .put("faultsTotal", faultsTotal).put("unexplainedFailovers", unexplained).put("networkFaults", networkFaults).put("network", networkMode).encode());
    return failed == 0 ? 0 : 1;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ChaosBench()).execute(args));
  }
}
