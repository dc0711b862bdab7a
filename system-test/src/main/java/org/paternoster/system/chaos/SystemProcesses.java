package org.paternoster.system.chaos;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system under test as real processes, started through {@code scripts/} (which exec the JVM,
 * so the {@link Process} held here is the JVM that kill -9 and SIGSTOP hit), each in its own
 * network namespace when the topology says so ({@code scripts/netns.sh exec}, which execs too).
 * Every process runs with the message-fault hooks on ({@code PATERNOSTER_FAULT_HOOKS=1}). Each process logs to
 * {@code OUT/logs/NAME.log} (appended across restarts); data dirs live in {@code OUT/data}.
 * Thread-safe: the fault injector and the shutdown hook may call concurrently.
 */
public final class SystemProcesses implements AutoCloseable {
  private final Path root;
  private final Path out;
  private final Topology topology;
  private final long seed;
  private final double timeScale;
  private final Map<String, Process> running = new LinkedHashMap<>();

  public SystemProcesses(Path root, Path out, Topology topology, long seed, double timeScale) throws IOException {
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
    List<String> cmd = new ArrayList<>(topology.launcher(root.resolve("scripts"), name));
    String vs = topology.url(Topology.VIEW_SERVICE);
    // Every process runs the shipped failure-detection defaults (PingTiming.DEFAULT), as a user's would.
    if (name.equals(Topology.VIEW_SERVICE)) {
      cmd.addAll(List.of(script("view-service.sh"), "--host", topology.host(name), "--port", "" + topology.port(name),
          "--data-dir", out.resolve("data/view-service").toString(),
          "--discovery", "none"));
    } else if (Topology.isReplica(name)) {
      cmd.addAll(List.of(script("replica.sh"), "--id", name, "--host", topology.host(name), "--port", "" + topology.port(name),
          "--view-service", vs, "--floors", "" + Topology.FLOORS, "--discovery", "none"));
    } else {
      cmd.addAll(List.of(script("elevator.sh"), "--id", name, "--host", topology.host(name), "--port", "" + topology.port(name),
          "--floors", "" + Topology.FLOORS, "--simulate", "--time-scale", "" + timeScale,
          "--seed", "" + (seed * 10 + name.charAt(1) - '0'), "--view-service", vs,
          "--data-dir", out.resolve("data/elevators").toString(), "--discovery", "none"));
    }
    File log = out.resolve("logs").resolve(name + ".log").toFile();
    Files.writeString(log.toPath(), "---- chaos: starting " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    pb.environment().put("PATERNOSTER_NO_BUILD", "1");
    pb.environment().put("PATERNOSTER_FAULT_HOOKS", "1"); // POST /chaos/messages: duplicated and reordered messages
    pb.environment().putIfAbsent("JAVA_OPTS", "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    running.put(name, pb.start());
  }

  /** kill -9 of the process; it stays down until {@link #start}. */
  public synchronized void kill9(String name) {
    Process p = running.remove(name);
    if (p == null) return;
    p.destroyForcibly();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGSTOP (pause) or SIGCONT (resume). */
  public synchronized void signal(String name, boolean stop) {
    Process p = running.get(name);
    if (p == null || !p.isAlive()) return;
    Shell.run(List.of("kill", stop ? "-STOP" : "-CONT", "" + p.pid()));
  }

  public synchronized boolean isRunning(String name) {
    Process p = running.get(name);
    return p != null && p.isAlive();
  }

  /** Names of started processes that died on their own (not by {@link #kill9}). */
  public synchronized List<String> died() {
    List<String> dead = new ArrayList<>();
    running.forEach((n, p) -> {
      if (!p.isAlive()) dead.add(n + " (exit " + p.exitValue() + ")");
    });
    return dead;
  }

  /** Resumes any paused process, then kill -9s everything. Idempotent. */
  @Override
  public synchronized void close() {
    for (String name : new ArrayList<>(running.keySet())) {
      signal(name, false);
      kill9(name);
    }
  }

  private String script(String name) {
    return root.resolve("scripts").resolve(name).toString();
  }
}
