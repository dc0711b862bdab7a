package org.paternoster.system.chaos;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/chaos.sh}: runs the whole system as real processes with simulated cars, a seeded
 * passenger generator and a seeded fault schedule, records what an outside observer sees, heals
 * everything, lets the system drain, and checks the history ({@link HistoryChecker}). Progress
 * goes to stderr as JSON lines; the LAST line of stdout is the one-line JSON summary. Exit 0 when
 * every property held and no lit call was lost, 1 when not (the seed and the first violated
 * property go to stderr), 2 for bad flags, 3 when the system could not even start.
 */
@Command(name = "chaos.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Chaos run: the whole Paternoster system under a seeded fault schedule, checked from the outside.")
public final class ChaosMain implements Callable<Integer> {
  @Option(names = "--duration", defaultValue = "120s", paramLabel = "TIME", description = "how long faults and passengers run: 90, 90s, 2m (default: ${DEFAULT-VALUE})")
  String duration;
  @Option(names = "--seed", paramLabel = "N", description = "seed of passengers and faults (default: random, printed)")
  Long seed;
  @Option(names = "--faults", defaultValue = "all", paramLabel = "LIST",
      description = "comma list of kill, pause, partition, loss, motor, obstruction, dup-reorder, power-loss (needs --durable-books); "
          + "or all, none (default: ${DEFAULT-VALUE})")
  String faults;
  @Option(names = "--out", paramLabel = "DIR", description = "where logs, data dirs, history and timeline go (default: run/chaos/seed-N)")
  Path out;
  @Option(names = "--time-scale", defaultValue = "4", paramLabel = "N", description = "simulated cars run N times faster (default: ${DEFAULT-VALUE})")
  double timeScale;
  @Option(names = "--drain-max", defaultValue = "60s", paramLabel = "TIME", description = "longest wait for every lit call to be served after the faults (default: ${DEFAULT-VALUE})")
  String drainMax;
  @Option(names = "--max-concurrent-faults", defaultValue = "2", paramLabel = "N", description = "faults in force at once, 1 or 2 (default: ${DEFAULT-VALUE})")
  int maxConcurrent;
  @Option(names = "--press-gap-ms", defaultValue = "250-800", paramLabel = "MIN-MAX", description = "time between two passenger presses (default: ${DEFAULT-VALUE})")
  String pressGap;
  @Option(names = "--order-gap-ms", defaultValue = "1500", paramLabel = "MS", description = "mean-ish time between direct POST /orders (default: ${DEFAULT-VALUE})")
  int orderGap;
  @Option(names = "--base-port", defaultValue = "17000", paramLabel = "PORT", description = "view service port; replicas +101.., nodes +201.. (default: ${DEFAULT-VALUE})")
  int basePort;
  @Option(names = "--network", defaultValue = "auto", paramLabel = "MODE",
      description = "netns (each process in its own network namespace: root), loopback (own 127.0.0.x addresses), "
          + "auto (netns where it works, else loopback) (default: ${DEFAULT-VALUE})")
  String network;
  @Option(names = "--durable-books",
      description = "every replica keeps its book in OUT/data/<replica> (replica.sh --data-dir), so a kill -9 may land inside a journal write")
  boolean durableBooks;
  @Option(names = "--on-total-loss", defaultValue = "rebuild", paramLabel = "wait|rebuild",
      description = "passed to the view service: wait (consistency) or rebuild (default: ${DEFAULT-VALUE})")
  String onTotalLoss;
  @Option(names = "--recheck", paramLabel = "DIR",
      description = "check a finished run's recorded history (DIR/history.txt) again with this checker; runs nothing")
  Path recheck;

  @Option(names = "--root", hidden = true, description = "the checkout (scripts/ passes it)")
  Path root;

  private final PrintStream progress = System.err;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = new CommandLine(this);
    if (recheck != null) return recheck(recheck);
    long durationMs = millis(cmd, "--duration", duration);
    long drainMs = millis(cmd, "--drain-max", drainMax);
    List<FaultKind> kinds;
    try {
      kinds = new ArrayList<>(FaultKind.parse(faults, durableBooks));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
    if (!List.of("wait", "rebuild").contains(onTotalLoss)) throw new CommandLine.ParameterException(cmd, "--on-total-loss must be wait or rebuild");
    if (maxConcurrent < 1 || maxConcurrent > 2) throw new CommandLine.ParameterException(cmd, "--max-concurrent-faults must be 1 or 2");
    if (timeScale < 1 || timeScale > 20) throw new CommandLine.ParameterException(cmd, "--time-scale must be in 1..20");
    if (!pressGap.matches("\\d+-\\d+")) throw new CommandLine.ParameterException(cmd, "--press-gap-ms must be MIN-MAX, e.g. 250-800");
    int minGap = Integer.parseInt(pressGap.split("-")[0]);
    int maxGap = Integer.parseInt(pressGap.split("-")[1]);
    if (minGap < 10 || maxGap < minGap) throw new CommandLine.ParameterException(cmd, "--press-gap-ms: need 10 <= MIN <= MAX");
    if (basePort < 1024 || basePort > 65000) throw new CommandLine.ParameterException(cmd, "--base-port must be in 1024..65000");
    if (root == null) root = Path.of(".").toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("scripts/replica.sh"))) throw new CommandLine.ParameterException(cmd, "--root is not a Paternoster checkout: " + root);
    long runSeed = seed != null ? seed : Math.abs(new java.util.Random().nextInt());
    Path dir = (out != null ? out : root.resolve("run/chaos/seed-" + runSeed)).toAbsolutePath();
    if (Files.exists(dir.resolve("data"))) deleteTree(dir.resolve("data"));
    Files.createDirectories(dir);

    if (!List.of("auto", "netns", "loopback").contains(network)) {
      throw new CommandLine.ParameterException(cmd, "--network must be auto, netns or loopback: " + network);
    }
    Iptables iptables = new Iptables(root);
    String networkFaults = networkFaults(kinds, iptables);
    boolean useIptables = networkFaults.equals("enabled");
    if (!useIptables) kinds.removeIf(k -> k.network);
    if (useIptables) iptables.healAll();
    NetworkNamespaces namespaces = new NetworkNamespaces(root);
    String noNetns = network.equals("loopback") ? "asked for loopback" : namespaces.unusable();
    if (noNetns != null && network.equals("netns")) {
      progress.println("chaos: --network netns: " + noNetns);
      return 3;
    }
    Topology topology = new Topology(basePort, noNetns == null ? Topology.Network.NETNS : Topology.Network.LOOPBACK,
        root.resolve("scripts"));
    String networkMode = noNetns == null ? "netns" : "loopback (" + noNetns + ")";
    if (topology.network() == Topology.Network.NETNS) namespaces.up(Topology.all());

    History history = new History();
    // A secret of this run's own: the processes listen on namespace addresses, and the runner acts as a member.
    String secret = org.paternoster.security.ClusterSecret.randomText();
    SystemProcesses processes = new SystemProcesses(root, dir, topology, runSeed, timeScale, secret, durableBooks, onTotalLoss);
    Http http = new Http(topology.observer(),
        org.paternoster.security.ClusterAuth.of(org.paternoster.security.ClusterSecret.of(secret), System::currentTimeMillis));
    Thread cleanup = new Thread(() -> {
      if (useIptables) iptables.healAll();
      processes.close();
      if (topology.network() == Topology.Network.NETNS) namespaces.down();
    }, "chaos-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    log(new JsonObject().put("chaos", "starting").put("seed", runSeed).put("durationS", durationMs / 1000.0)
        .put("faults", kinds.stream().map(FaultKind::wire).collect(Collectors.joining(","))).put("networkFaults", networkFaults)
        .put("network", networkMode).put("durableBooks", durableBooks).put("onTotalLoss", onTotalLoss).put("out", dir.toString()));
    try {
      processes.startAll();
      Observer observer = new Observer(http, topology, history, 50);
      observer.start();
      if (!awaitSettled(observer, topology, http, 120_000)) {
        progress.println("chaos: the system did not settle within 120 s (view acked with a backup, every node online); logs in " + dir.resolve("logs"));
        return 3;
      }
      long start = history.now();
      log(new JsonObject().put("chaos", "settled").put("t", start / 1000.0));
      PassengerGenerator passengers = new PassengerGenerator(http, topology, history, runSeed * 3 + 1, minGap, maxGap);
      DirectOrders orders = new DirectOrders(http, topology, history, observer, runSeed * 3 + 2, orderGap);
      FaultInjector injector = new FaultInjector(processes, iptables, http, topology, history, observer);
      FaultScheduler scheduler = new FaultScheduler(injector, history, kinds, runSeed, start + durationMs, maxConcurrent,
          msg -> log(new JsonObject().put("chaos", "fault").put("t", history.now() / 1000.0).put("what", msg)));
      List<Thread> threads = List.of(new Thread(passengers, "chaos-passengers"), new Thread(orders, "chaos-orders"),
          new Thread(scheduler, "chaos-faults"));
      threads.forEach(Thread::start);
      while (history.now() < start + durationMs) {
        Thread.sleep(Math.min(10_000, Math.max(1, start + durationMs - history.now())));
        JsonObject v = observer.view();
        log(new JsonObject().put("chaos", "progress").put("t", history.now() / 1000.0)
            .put("viewnum", v == null ? null : v.getLong("viewnum")).put("primary", v == null ? null : v.getString("primary"))
            .put("lit", observer.litCount()).put("faults", scheduler.counts()));
      }
      passengers.stop();
      orders.stop();
      scheduler.stop();
      for (Thread t : threads) t.join(30_000);
      scheduler.healAll();
      if (useIptables) iptables.healAll();
      List<String> crashed = processes.died();
      for (String name : Topology.all()) if (!processes.isRunning(name)) processes.start(name);
      long drainStart = history.now();
      log(new JsonObject().put("chaos", "draining").put("t", drainStart / 1000.0).put("lit", observer.litCount()));
      boolean drained = awaitDrained(observer, history, drainStart + drainMs);
      long drainEnd = history.now();
      Thread.sleep(500);
      observer.stop();
      Thread.sleep(200);
      long end = history.now();
      List<Event> events = NodeDoorLogs.merged(history.events(),
          NodeDoorLogs.read(dir.resolve("logs"), Topology.NODES, history.startEpochMs()));
      Verdict verdict = new HistoryChecker(HistoryChecker.Config.defaults()).check(events, end);
      if (!crashed.isEmpty()) {
        List<Verdict.Violation> v = new ArrayList<>(verdict.violations());
        v.add(0, new Verdict.Violation("noCrash", "died on their own: " + crashed, end));
        verdict = new Verdict(verdict.lost(), verdict.served(), verdict.worstServiceS(), v, verdict.episodes());
      }
      List<Failovers.Failover> failovers = Failovers.of(events);
      Path timeline = dir.resolve("timeline.html");
      Files.writeString(timeline, TimelineSvg.html("Paternoster chaos run, seed " + runSeed, events, verdict, end), StandardCharsets.UTF_8);
      Files.write(dir.resolve("history.txt"), events.stream().map(Object::toString).toList(), StandardCharsets.UTF_8);
      JsonObject summary = Summary.json(new Summary.Run(runSeed, durationMs / 1000.0, (drainEnd - drainStart) / 1000.0, drained,
          scheduler.counts(), networkFaults, networkMode, events, timeline.toString(), dir.toString(), crashed), verdict, failovers);
      summary.put("endMs", end).put("startEpochMs", history.startEpochMs()); // for --recheck
      Files.writeString(dir.resolve("summary.json"), summary.encode() + "\n", StandardCharsets.UTF_8);
      progress.println("chaos: timeline " + timeline);
      System.out.println(summary.encode());
      System.out.flush();
      if (!verdict.ok()) {
        Verdict.Violation first = verdict.violations().get(0);
        progress.println("chaos: FAILED seed " + runSeed + ": " + first.property() + ": " + first.detail()
            + " (replay: scripts/chaos.sh --seed " + runSeed + " --duration " + duration + " --faults " + faults
            + " --network " + topology.network().wire() + ")");
        return 1;
      }
      return 0;
    } finally {
      if (useIptables) iptables.healAll();
      processes.close();
      if (topology.network() == Topology.Network.NETNS) namespaces.down();
      http.close();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
  }

  private static String networkFaults(List<FaultKind> kinds, Iptables iptables) {
    if (kinds.stream().noneMatch(k -> k.network)) return "not requested";
    String why = iptables.unusable();
    return why == null ? "enabled" : "skipped: " + why;
  }

  /** The view is acked with a backup and every node answers and is online. */
  private static boolean awaitSettled(Observer observer, Topology topology, Http http, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      JsonObject v = observer.view();
      boolean ok = v != null && v.getBoolean("acked", false) && v.getString("backup") != null;
      for (String n : Topology.NODES) {
        JsonObject s = ok ? http.getJsonNow(topology.url(n) + "/state", 500) : null;
        ok &= s != null && s.getBoolean("online", false);
      }
      if (ok) return true;
      Thread.sleep(200);
    }
    return false;
  }

  /** Every node answers with no lamp lit, twice in a row 300 ms apart; false at {@code deadline}. */
  private static boolean awaitDrained(Observer observer, History history, long deadline) throws InterruptedException {
    int quiet = 0;
    while (history.now() < deadline) {
      quiet = observer.settled() ? quiet + 1 : 0;
      if (quiet >= 2) return true;
      Thread.sleep(300);
    }
    return false;
  }

  private void log(JsonObject line) {
    progress.println(line.encode());
  }

  /** "90", "90s", "1500ms", "2m" → milliseconds. */
  public static long millis(CommandLine cmd, String option, String value) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?").matcher(value.trim());
    if (!m.matches()) throw new CommandLine.ParameterException(cmd, option + " must look like 90, 90s, 1500ms or 2m: " + value);
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    long ms = Math.round(n * (unit.equals("ms") ? 1 : unit.equals("s") ? 1000 : 60_000));
    if (ms < 1000 || ms > 24 * 3600_000L) throw new CommandLine.ParameterException(cmd, option + " must be between 1 s and 24 h: " + value);
    return ms;
  }

  private static void deleteTree(Path p) throws IOException {
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /** Runs a chaos run in this JVM (for tests); the exit code as {@link #main} would return it. */
  public static int run(String... args) {
    return new CommandLine(new ChaosMain()).execute(args);
  }

  /**
   * Checks a finished run's history again (after a checker change): prints one JSON line with the
   * new verdict; exit status 1 if it has violations. The end of the run is the recorded one
   * ({@code endMs} in summary.json) or, for older runs, 200 ms after the last event. The door
   * openings in the nodes' logs are read again (runs that recorded {@code startEpochMs}).
   */
  private int recheck(Path dir) throws IOException {
    List<Event> events = HistoryFile.read(dir.resolve("history.txt"));
    Path summaryFile = dir.resolve("summary.json");
    JsonObject old = Files.exists(summaryFile) ? new JsonObject(Files.readString(summaryFile)) : new JsonObject();
    long end = old.getLong("endMs", events.isEmpty() ? 0 : events.get(events.size() - 1).t() + 200);
    Long startEpochMs = old.getLong("startEpochMs");
    if (startEpochMs != null) events = NodeDoorLogs.merged(events, NodeDoorLogs.read(dir.resolve("logs"), Topology.NODES, startEpochMs));
    Verdict verdict = new HistoryChecker(HistoryChecker.Config.defaults()).check(events, end);
    JsonArray violations = new JsonArray();
    verdict.violations().forEach(v -> violations.add(new JsonObject().put("property", v.property()).put("detail", v.detail())));
    System.out.println(new JsonObject().put("chaos", "recheck").put("dir", dir.toString()).put("seed", old.getValue("seed"))
        .put("ok", verdict.ok()).put("lost", verdict.lost()).put("served", verdict.served()).put("violations", violations)
        .put("wasOk", old.getValue("ok")).encode());
    return verdict.ok() ? 0 : 1;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
