package org.paternoster.bench;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A view service and replicas started through {@code scripts/} as real processes (the scripts
 * exec the JVM, so the process we hold is the one kill -9 hits).
 */
final class Cluster implements AutoCloseable {
  private final Path root;
  private final Path logs;
  private final long pingMs;
  private final int deadPings;
  private final int basePort;
  private final Map<String, Process> replicas = new HashMap<>();
  private final List<Process> all = new ArrayList<>();
  final String viewService;

  Cluster(Path root, Path logs, int basePort, long pingMs, int deadPings) throws IOException {
    this.root = root;
    this.logs = logs;
    this.basePort = basePort;
    this.pingMs = pingMs;
    this.deadPings = deadPings;
    this.viewService = "http://127.0.0.1:" + basePort;
    all.add(start("view-service", "view-service.sh", "--port", "" + basePort, "--discovery", "none",
        "--ping-interval-ms", "" + pingMs, "--dead-pings", "" + deadPings));
  }

  void startReplica(int i) throws IOException {
    startReplica(i, 4);
  }

  void startReplica(int i, int floors) throws IOException {
    String id = "r" + i;
    Process p = start(id, "replica.sh", "--id", id, "--port", "" + (basePort + i), "--view-service", viewService,
        "--discovery", "none", "--ping-interval-ms", "" + pingMs, "--floors", "" + floors);
    replicas.put(id, p);
    all.add(p);
  }

  void kill9(String id) {
    replicas.get(id).destroyForcibly();
  }

  int indexOf(String id) {
    return Integer.parseInt(id.substring(1));
  }

  JsonObject view(WebClient http) {
    return http.getAbs(viewService + "/view").timeout(1000).send().await().bodyAsJsonObject();
  }

  /** Any other process started through scripts/ (a simulator, an elevator node), stopped on close. */
  void startScript(String name, String script, String... args) throws IOException {
    all.add(start(name, script, args));
  }

  private Process start(String name, String script, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(root.resolve("scripts").resolve(script).toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(logs.toFile(), name + ".log"))).start();
  }

  @Override
  public void close() {
    all.forEach(Process::destroy);
  }
}
