package org.paternoster.traffic.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paternoster.dispatch.Building;
import org.paternoster.traffic.Passenger;
import org.paternoster.traffic.RunResult;
import org.paternoster.traffic.Scenario;
import org.paternoster.traffic.TraceGenerator;
import org.paternoster.traffic.TraceReader;
import org.paternoster.traffic.dispatch.Dispatchers;
import org.paternoster.dispatch.GroupDispatcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * scripts/bench-dispatch.sh: runs every dispatcher × scenario × seed on the traces, prints one
 * JSON line per run, then the summary table per scenario (docs/DISPATCH.md).
 */
@Command(name = "bench-dispatch.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Dispatch benchmark: deterministic lift-traffic simulation of passenger traces (docs/DISPATCH.md).")
public final class DispatchBench implements Callable<Integer> {
  @Option(names = "--building", defaultValue = "MID16", description = "MID16, LOW10 or a building JSON file (default: ${DEFAULT-VALUE})")
  String building;

  @Option(names = "--scenario", defaultValue = "UP12,UP10,LUNCH13,DOWN12,INTER6,HC20", split = ",",
      description = "scenarios, comma-separated (default: ${DEFAULT-VALUE})")
  List<String> scenarios;

  @Option(names = "--seeds", defaultValue = "1-5", description = "seeds: N, A-B or a comma list (default: ${DEFAULT-VALUE})")
  String seeds;

  @Option(names = "--traces", description = "directory of <building>_<scenario>_s<seed>.csv (default: ../shared/bench/traces beside the checkout)")
  Path traces;

  @Option(names = "--generate", description = "generate the traces with the spec's generator instead of reading files")
  boolean generate;

  @Option(names = "--dispatcher", defaultValue = "all", split = ",", description = "names or all: nearest-car, eta-sticky, eta-reassigned, time-to-idle, paternoster, paternoster-noload, assigner-cmd (default: ${DEFAULT-VALUE})")
  List<String> dispatchers;

  @Option(names = "--assigner-cmd", description = "an assigner program speaking the course's JSON (as replica.sh --assigner-cmd): dispatcher assigner-cmd")
  String assignerCmd;

  @Option(names = "--out", description = "write the JSON lines here (the summary then goes to stdout); default: JSON lines on stdout, summary on stderr")
  Path out;

  @Option(names = "--plot", description = "also write the figure (average wait and wait distribution per scenario and dispatcher) to this HTML file")
  Path plot;

  @Option(names = "--replot", description = "run nothing: read the JSON lines of an earlier run from this file and write --plot from them")
  Path replot;

  @Option(names = "--root", hidden = true)
  Path root;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new DispatchBench());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (!(e instanceof IllegalArgumentException)) throw e;
      cmd.getErr().println("bench-dispatch: " + e.getMessage());
      return 2;
    });
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (replot != null) {
      if (plot == null) throw new IllegalArgumentException("--replot needs --plot FILE.html");
      List<io.vertx.core.json.JsonObject> runs = new ArrayList<>();
      for (String line : Files.readAllLines(replot, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        try {
          runs.add(new io.vertx.core.json.JsonObject(line));
        } catch (io.vertx.core.json.DecodeException e) {
          throw new IllegalArgumentException(replot + " has a line that is not JSON: " + line.substring(0, Math.min(60, line.length())));
        }
      }
      writePlot(runs);
      return 0;
    }
    Building b = Building.named(building);
    List<Long> seedList = parseSeeds(seeds);
    List<String> names = dispatchers.equals(List.of("all")) ? Dispatchers.names(assignerCmd) : dispatchers;
    for (String n : names) Dispatchers.create(n, assignerCmd); // unknown names fail before any run
    Path dir = traceDir();
    PrintStream json = out == null ? System.out : new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8);
    PrintStream summary = out == null ? System.err : System.out;
    List<RunResult> results = new ArrayList<>();
    try {
      for (String scenarioName : scenarios) {
        Scenario scenario = Scenario.named(scenarioName);
        for (long seed : seedList) {
          List<Passenger> trace = trace(b, scenario, seed, dir);
          for (String name : names) {
            GroupDispatcher d = Dispatchers.create(name, assignerCmd);
            RunResult r = Runs.run(b, scenario, seed, copy(trace), d);
            results.add(r);
            json.println(r.toJson(true));
          }
        }
      }
    } finally {
      if (out != null) json.close();
    }
    summary.print(Summary.of(results, Dispatchers.BASELINES));
    if (plot != null) writePlot(results.stream().map(r -> new io.vertx.core.json.JsonObject(r.toJson(true))).toList());
    return 0;
  }

  private void writePlot(List<io.vertx.core.json.JsonObject> runs) throws IOException {
    Files.writeString(plot, DispatchPlot.html(runs), StandardCharsets.UTF_8);
    System.err.println("bench-dispatch: figure in " + plot.toAbsolutePath());
  }

  private List<Passenger> trace(Building b, Scenario scenario, long seed, Path dir) {
    if (generate) {
      if (Double.isNaN(scenario.pct())) throw new IllegalArgumentException("--generate knows the spec's scenarios only, not " + scenario.name());
      return TraceGenerator.generate(b, scenario, seed);
    }
    return TraceReader.read(dir.resolve(b.name() + "_" + scenario.name() + "_s" + seed + ".csv"), b);
  }

  private Path traceDir() {
    if (generate) return null;
    Path dir = traces != null ? traces : (root != null ? root : Path.of(".")).toAbsolutePath().normalize().resolveSibling("shared").resolve("bench").resolve("traces");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no trace directory " + dir + ": pass --traces DIR (files <building>_<scenario>_s<seed>.csv) or --generate");
    }
    return dir;
  }

  private static List<Passenger> copy(List<Passenger> trace) {
    List<Passenger> out = new ArrayList<>(trace.size());
    for (Passenger p : trace) out.add(new Passenger(p.id(), p.arrivalAt(), p.origin(), p.destination()));
    return out;
  }

  static List<Long> parseSeeds(String spec) {
    List<Long> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.strip();
      try {
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long from = Long.parseLong(p.substring(0, dash)), to = Long.parseLong(p.substring(dash + 1));
          if (to < from) throw new IllegalArgumentException("--seeds range goes backwards: " + p);
          for (long s = from; s <= to; s++) out.add(s);
        } else {
          out.add(Long.parseLong(p));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--seeds must be N, A-B or a comma list, got " + spec);
      }
    }
    return out;
  }
}
