package org.paternoster.bench;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paternoster.process.ChildProcess;

/**
 * A view service and replicas started through {@code scripts/} as real processes (the scripts
 * exec the JVM, so the process we hold is the one kill -9 hits), each logging to
 * {@code LOGS/NAME.log} (appended across restarts).
 */
final class Cluster implements AutoCloseable {
  private final Path root;
  private final Path logs; // also holds the members' data directories
  private final Timing timing;
  private final int basePort;
  private final Map<String, ChildProcess> replicas = new HashMap<>();
  private final List<ChildProcess> all = new ArrayList<>();
  final String viewService;
  private final String memberList; // --members of a replicated view service, null for one process
  private final String secret; // the cluster secret every process gets, or null

  Cluster(Path root, Path logs, int basePort, Timing timing) {
    this.root = root;
    this.logs = logs;
    this.basePort = basePort;
    this.timing = timing;
    this.viewService = "http://127.0.0.1:" + basePort;
    this.memberList = null;
    this.secret = null;
    all.add(start("view-service", "view-service.sh", args(List.of("--port", "" + basePort, "--discovery", "none"), timing.viewServiceArgs())));
  }

  /**
   * A replicated view service of {@code members} processes on ports {@code basePort + 10 + 2k}
   * (consensus on the next port), each with its data directory under {@code logs}; the replicas
   * get every member's URL. Members are named {@code m0, m1, ...} for {@link #kill9} and {@link #startMember}.
   */
  Cluster(Path root, Path logs, int basePort, Timing timing, int members) {
    this(root, logs, basePort, timing, members, null);
  }

  /** As above, every process given {@code secret} (null: none), as on lab machines: members then reach each other through sealed tunnels. */
  Cluster(Path root, Path logs, int basePort, Timing timing, int members, String secret) {
    this.secret = secret;
    this.root = root;
    this.logs = logs;
    this.basePort = basePort;
    this.timing = timing;
    List<String> hostPorts = new ArrayList<>();
    for (int k = 0; k < members; k++) hostPorts.add("127.0.0.1:" + memberPort(k));
    this.memberList = String.join(",", hostPorts);
    this.viewService = String.join(",", hostPorts.stream().map(h -> "http://" + h).toList());
    for (int k = 0; k < members; k++) startMember(k);
  }

  private int memberPort(int k) {
    return basePort + 10 + 2 * k;
  }

  /** Starts (or, after {@link #kill9}, restarts) member {@code m<k>} on its data directory. */
  void startMember(int k) {
    ChildProcess p = start("m" + k, "view-service.sh", args(List.of("--port", "" + memberPort(k), "--members", memberList, "--discovery", "none",
        "--data-dir", logs.resolve("data-m" + k).toString()), timing.viewServiceArgs()));
    replicas.put("m" + k, p);
    all.add(p);
  }

  /** The URL of member {@code m<k>}. */
  String memberUrl(int k) {
    return "http://127.0.0.1:" + memberPort(k);
  }

  void startReplica(int i) {
    startReplica(i, 4);
  }

  void startReplica(int i, int floors) {
    String id = "r" + i;
    ChildProcess p = start(id, "replica.sh", args(List.of("--id", id, "--port", "" + (basePort + i), "--view-service", viewService,
        "--discovery", "none", "--floors", "" + floors), timing.replicaArgs()));
    replicas.put(id, p);
    all.add(p);
  }

  /** SIGKILL, and waits until the process is gone (its port is then free for a restart). */
  void kill9(String id) {
    replicas.get(id).kill9();
  }

  /** The process id of replica or member {@code id} (the JVM: the scripts exec it). */
  long pid(String id) {
    ChildProcess p = replicas.get(id);
    if (p == null) throw new IllegalArgumentException("no such process: " + id);
    return p.pid();
  }

  int indexOf(String id) {
    return Integer.parseInt(id.substring(1));
  }

  /** {@code GET /view} from the first member that answers. */
  JsonObject view(WebClient http) {
    RuntimeException last = null;
    for (String url : viewService.split(",")) {
      try {
        return http.getAbs(url + "/view").timeout(1000).send().await().bodyAsJsonObject();
      } catch (Exception e) { // await() rethrows a connect failure as is
        last = new IllegalStateException("no view service member answers", e);
      }
    }
    throw last;
  }

  /** Any other process started through scripts/ (a simulator, an elevator node), stopped on close. */
  void startScript(String name, String script, String... args) {
    all.add(start(name, script, args));
  }

  private static String[] args(List<String> own, List<String> timing) {
    List<String> all = new ArrayList<>(own);
    all.addAll(timing);
    return all.toArray(String[]::new);
  }

  private ChildProcess start(String name, String script, String... args) {
    List<String> cmd = new ArrayList<>(List.of(root.resolve("scripts").resolve(script).toString()));
    cmd.addAll(List.of(args));
    ChildProcess.Launch process = ChildProcess.command(cmd).log(logs.resolve(name + ".log"));
    if (secret != null) process = process.env(org.paternoster.security.ClusterSecret.ENV, secret);
    return process.start(name);
  }

  /** Stops every process (SIGTERM, SIGKILL if one is still there after 5 s). */
  @Override
  public void close() {
    all.forEach(p -> p.terminate(Duration.ofSeconds(5)));
  }
}
