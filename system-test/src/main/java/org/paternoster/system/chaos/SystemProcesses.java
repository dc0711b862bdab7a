package org.paternoster.system.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paternoster.process.ChildProcess;

/**
 * The system under test as real processes, started through {@code scripts/} (which exec the JVM,
 * so the {@link Process} held here is the JVM that kill -9 and SIGSTOP hit), each in its own
 * network namespace when the topology says so ({@code scripts/netns.sh exec}, which execs too).
 * Every process runs with the message-fault hooks on ({@code PATERNOSTER_FAULT_HOOKS=1}). Each process logs to
 * {@code OUT/logs/NAME.log} (appended across restarts, each start after a {@code ---- starting} line);
 * data dirs live in {@code OUT/data}. Started, signalled and killed through {@link ChildProcess}.
 * Thread-safe: the fault injector and the shutdown hook may call concurrently.
 */
public final class SystemProcesses implements AutoCloseable {
  private final Path root;
  private final Path out;
  private final Topology topology;
  private final long seed;
  private final double timeScale;
  private final String secret;
  private final boolean durableBooks;
  private final String onTotalLoss;
  private final Map<String, ChildProcess> running = new LinkedHashMap<>();

  /**
   * {@code secret}: the cluster secret every process gets ({@code PATERNOSTER_CLUSTER_SECRET});
   * {@code durableBooks}: each replica keeps its book in {@code OUT/data/<replica>}, across its restarts;
   * {@code onTotalLoss}: the view service's {@code --on-total-loss} (wait or rebuild).
   */
  public SystemProcesses(Path root, Path out, Topology topology, long seed, double timeScale, String secret, boolean durableBooks,
      String onTotalLoss)
      throws IOException {
    this.secret = secret;
    this.durableBooks = durableBooks;
    this.onTotalLoss = onTotalLoss;
    this.root = root;
    this.out = out;
    this.topology = topology;
    this.seed = seed;
    this.timeScale = timeScale;
    Files.createDirectories(out.resolve("logs"));
    Files.createDirectories(out.resolve("data"));
  }

  /** Starts every process of {@link Topology#all()}. */
  public void startAll() throws IOException {
    for (String name : Topology.all()) start(name);
  }

  /** Starts (or restarts) one process with the same arguments as always; one still running is killed first. */
  public synchronized void start(String name) throws IOException {
    kill9(name); // never two of one name: a second start must not orphan the first (it would hold the port)
    List<String> cmd = new ArrayList<>();
    String vs = topology.url(Topology.VIEW_SERVICE);
    // Every process runs the shipped failure-detection defaults (PingTiming.DEFAULT), as a user's would.
    if (name.equals(Topology.VIEW_SERVICE)) {
      cmd.addAll(List.of(script("view-service.sh"), "--host", topology.host(name), "--port", "" + topology.port(name),
          "--data-dir", out.resolve("data/view-service").toString(),
          "--discovery", "none", "--on-total-loss", onTotalLoss));
    } else if (Topology.isReplica(name)) {
      cmd.addAll(List.of(script("replica.sh"), "--id", name, "--host", topology.host(name), "--port", "" + topology.port(name),
          "--view-service", vs, "--floors", "" + Topology.FLOORS, "--discovery", "none"));
      if (durableBooks) cmd.addAll(List.of("--data-dir", out.resolve("data").resolve(name).toString()));
    } else {
      cmd.addAll(List.of(script("elevator.sh"), "--id", name, "--host", topology.host(name), "--port", "" + topology.port(name),
          "--floors", "" + Topology.FLOORS, "--simulate", "--time-scale", "" + timeScale,
          "--seed", "" + (seed * 10 + name.charAt(1) - '0'), "--view-service", vs,
          "--data-dir", out.resolve("data/elevators").toString(), "--discovery", "none"));
    }
    running.put(name, ChildProcess.command(cmd)
        .inside(topology.launcher(root.resolve("scripts"), name))
        .env("PATERNOSTER_NO_BUILD", "1")
        .env(org.paternoster.security.ClusterSecret.ENV, secret)
        .env("PATERNOSTER_FAULT_HOOKS", "1") // POST /chaos/messages: duplicated and reordered messages
        .envDefault("JAVA_OPTS", "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
        .log(out.resolve("logs").resolve(name + ".log"))
        .start(name));
  }

  /** kill -9 of the process; it stays down until {@link #start}. */
  public synchronized void kill9(String name) {
    ChildProcess p = running.remove(name);
    if (p != null) p.kill9();
  }

  /** SIGSTOP (pause) or SIGCONT (resume). */
  public synchronized void signal(String name, boolean stop) {
    ChildProcess p = running.get(name);
    if (p == null) return;
    if (stop) p.sigstop();
    else p.sigcont();
  }

  public synchronized boolean isRunning(String name) {
    ChildProcess p = running.get(name);
    return p != null && p.isAlive();
  }

  /** Names of started processes that died on their own (not by {@link #kill9}). */
  public synchronized List<String> died() {
    List<String> dead = new ArrayList<>();
    running.forEach((n, p) -> {
      p.exitCode().ifPresent(code -> dead.add(n + " (exit " + code + ")"));
    });
    return dead;
  }

  /** kill -9 of everything (a paused process too). Idempotent. */
  @Override
  public synchronized void close() {
    for (String name : new ArrayList<>(running.keySet())) kill9(name);
  }

  private String script(String name) {
    return root.resolve("scripts").resolve(name).toString();
  }
}
