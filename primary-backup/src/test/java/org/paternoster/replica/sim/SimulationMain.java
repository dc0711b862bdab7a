package org.paternoster.replica.sim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench-sim.sh}: many simulated schedules, a JSON line per failing seed (shrunk) and
 * a summary line (schedules per second, what was found, faults by kind). A benchmark, not a test.
 */
@Command(name = "bench-sim.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs seeded simulated schedules of the real view-service and replica cores and reports what the checker found.")
public final class SimulationMain implements Callable<Integer> {
  @Option(names = "--schedules", defaultValue = "100000", description = "how many seeds to run (default: ${DEFAULT-VALUE})")
  long schedules;

  @Option(names = "--first-seed", defaultValue = "1", description = "the first seed (default: ${DEFAULT-VALUE})")
  long firstSeed;

  @Option(names = "--threads", defaultValue = "0", description = "worker threads (default: one per core)")
  int threads;

  @Option(names = "--no-shrink", description = "report failing seeds without shrinking them")
  boolean noShrink;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulationMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (schedules < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--schedules must be >= 1");
    int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    long start = System.nanoTime();
    List<Simulation.Outcome> outcomes = new ForkJoinPool(workers).submit(() ->
        LongStream.range(firstSeed, firstSeed + schedules).parallel().mapToObj(s -> Simulation.run(Scenario.generate(s))).toList()).get();
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<Scenario.Kind, Long> byKind = new EnumMap<>(Scenario.Kind.class);
    long acknowledged = 0;
    long destroyed = 0;
    long waited = 0;
    long withDisks = 0;
    long cutWrites = 0;
    JsonArray unprotected = new JsonArray();
    JsonArray failedSeeds = new JsonArray();
    for (Simulation.Outcome o : outcomes) {
      o.scenario().faults().forEach(f -> byKind.merge(f.kind(), 1L, Long::sum));
      acknowledged += o.acknowledged();
      destroyed += o.destroyed();
      if (o.stuckByDesign()) waited++;
      if (o.scenario().replicaDisks()) withDisks++;
      cutWrites += o.cutWrites();
      if (o.unprotectedLoss()) unprotected.add(o.scenario().seed());
      if (!o.failed()) continue;
      failedSeeds.add(o.scenario().seed());
      Simulation.Outcome shown = noShrink ? o : Simulation.shrink(o, false);
      System.out.println(new JsonObject().put("seed", o.scenario().seed()).put("scenario", shown.scenario().toString())
          .put("violations", new JsonArray(shown.breaches())).encode());
    }
    JsonObject kinds = new JsonObject();
    byKind.forEach((k, n) -> kinds.put(k.name().toLowerCase(java.util.Locale.ROOT), n));
    System.out.println(new JsonObject()
        .put("bench", "sim").put("schedules", schedules).put("firstSeed", firstSeed).put("threads", workers)
        .put("seconds", Math.round(seconds * 10) / 10.0).put("schedulesPerSecond", Math.round(schedules / seconds))
        .put("failed", failedSeeds.size()).put("failedSeeds", failedSeeds).put("schedulesWithReplicaDisks", withDisks)
        .put("journalWritesCutByACrash", cutWrites)
        .put("acknowledgedPresses", acknowledged).put("pressesWhoseEveryCopyCrashed", destroyed)
        .put("waitedByDesign", waited).put("disklessViewServiceLosses", unprotected).put("faults", kinds)
        .put("machine", new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
            .put("java", System.getProperty("java.version")))
        .encode());
    return failedSeeds.isEmpty() ? 0 : 3;
  }
}
