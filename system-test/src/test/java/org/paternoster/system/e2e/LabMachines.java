package org.paternoster.system.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.paternoster.elevator.node.NodeMain;
import org.paternoster.replica.ReplicaMain;
import org.paternoster.system.chaos.Shell;
import org.paternoster.process.ChildProcess;
import org.paternoster.view.ViewServiceMain;
import org.paternoster.security.ClusterAuth;
import org.paternoster.security.ClusterSecret;

/**
 * Lab machines m1..mN as network namespaces ({@code scripts/netns.sh}, addresses 10.77.3.N), each
 * running what issue 12 puts on a lab machine: a member of the replicated view service, a
 * controller replica and a simulated elevator node. Every process binds its machine's address,
 * so traffic between machines is routed through this (root) namespace, where the test lives;
 * {@link #unplug} pulls a machine's cable (its link goes down). Needs root; {@link #unusable()}
 * says why not. {@link #close()} kills the processes and removes the namespaces, also after a
 * failed test.
 */
final class LabMachines implements AutoCloseable {
  static final int MEMBER_PORT = 7000;
  static final int REPLICA_PORT = 7100;
  static final int NODE_PORT = 7200;
  /** Slower cars than {@link SystemUnderTest}'s: a lamp stays lit long enough to be seen on every panel. */
  static final int TIME_SCALE = 2;
  static final Path NETNS = Path.of("..", "scripts", "netns.sh").toAbsolutePath().normalize();

  private final int count;
  private final Path data;
  private final List<ChildProcess> processes = new ArrayList<>();
  private final Vertx vertx = Vertx.vertx();
  private final WebClient http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(1_000));
  /** The machines listen on their LAN addresses, so they need a cluster secret; the test's desk is a member too. */
  private final String secret = ClusterSecret.randomText();
  private final ClusterAuth auth = ClusterAuth.of(ClusterSecret.of(secret), System::currentTimeMillis);

  private LabMachines(int count, Path data) {
    this.count = count;
    this.data = data;
  }

  /** Empty when namespaces can be made here, else the reason (not root, no iproute2, ...). */
  static Optional<String> unusable() {
    Shell.Result check = Shell.run(List.of(NETNS.toString(), "check"));
    return check.ok() ? Optional.empty() : Optional.of(check.output());
  }

  static LabMachines start(int count, Path data) {
    LabMachines lab = new LabMachines(count, data);
    try {
      lab.netns("down", machines(count));
      lab.netns("up", machines(count));
      for (int k = 1; k <= count; k++) lab.startMachine(k);
      return lab;
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  private static String[] machines(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(k -> "m" + k).toArray(String[]::new);
  }

  static String address(int k) {
    return "10.77.3." + k;
  }

  String memberUrl(int k) {
    return "http://" + address(k) + ":" + MEMBER_PORT;
  }

  String replicaUrl(int k) {
    return "http://" + address(k) + ":" + REPLICA_PORT;
  }

  String nodeUrl(int k) {
    return "http://" + address(k) + ":" + NODE_PORT;
  }

  /** Every member's URL, comma-separated, as replicas and nodes are given it. */
  String viewService() {
    return IntStream.rangeClosed(1, count).mapToObj(this::memberUrl).collect(Collectors.joining(","));
  }

  /** The machine whose member has this URL, or whose replica or elevator has this id ({@code r2}, {@code e2}). */
  static int machineOf(String urlOrId) {
    if (urlOrId.startsWith("http://")) return Integer.parseInt(urlOrId.substring("http://10.77.3.".length(), urlOrId.lastIndexOf(':')));
    return Integer.parseInt(urlOrId.substring(1));
  }

  private void startMachine(int k) {
    List<String> inside = List.of("ip", "netns", "exec", "pn-m" + k);
    String members = IntStream.rangeClosed(1, count).mapToObj(i -> address(i) + ":" + MEMBER_PORT).collect(Collectors.joining(","));
    processes.add(ChildProcess.java(ViewServiceMain.class.getName(), List.of(
        "--host", address(k), "--port", "" + MEMBER_PORT, "--members", members, "--data-dir", data.resolve("m" + k + "/view-service").toString(),
        "--ping-interval-ms", "50", "--dead-pings", "6", "--discovery", "none")).inside(inside).env(ClusterSecret.ENV, secret).start("lab-m" + k + "-view-service"));
    processes.add(ChildProcess.java(ReplicaMain.class.getName(), List.of(
        "--id", "r" + k, "--host", address(k), "--port", "" + REPLICA_PORT, "--view-service", viewService(),
        "--floors", "" + SystemUnderTest.FLOORS, "--ping-interval-ms", "50", "--discovery", "none")).inside(inside).env(ClusterSecret.ENV, secret).start("lab-m" + k + "-replica"));
    processes.add(ChildProcess.java(NodeMain.class.getName(), List.of(
        "--id", "e" + k, "--host", address(k), "--port", "" + NODE_PORT, "--view-service", viewService(), "--simulate",
        "--time-scale", "" + TIME_SCALE, "--floors", "" + SystemUnderTest.FLOORS, "--seed", "" + (100 + k),
        "--data-dir", data.resolve("m" + k + "/elevator").toString(), "--discovery", "none")).inside(inside).env(ClusterSecret.ENV, secret).start("lab-m" + k + "-elevator"));
  }

  void unplug(int k) {
    netns("unplug", "m" + k);
  }

  void plug(int k) {
    netns("plug", "m" + k);
  }

  /** {@code GET url} from this namespace (the test's desk, wired to every machine). */
  JsonObject get(String url) {
    return getBody(url).toJsonObject();
  }

  io.vertx.core.json.JsonArray getArray(String url) {
    return getBody(url).toJsonArray();
  }

  private io.vertx.core.buffer.Buffer getBody(String url) {
    var r = http.getAbs(url).timeout(2_000).send().await();
    if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.bodyAsString());
    return r.body();
  }

  void post(String url, JsonObject body) {
    var r = auth.send(http.postAbs(url).timeout(2_000), body.toBuffer()).await();
    if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.bodyAsString());
  }

  /** {@code GET url} from inside machine {@code k} (which may be unplugged), with curl. */
  JsonObject getInside(int k, String url) {
    Shell.Result curl = Shell.run(List.of("ip", "netns", "exec", "pn-m" + k, "curl", "-fsS", "--max-time", "2", url));
    if (!curl.ok()) throw new IllegalStateException("curl " + url + " in m" + k + " failed: " + curl.output());
    return new JsonObject(curl.output());
  }

  NodeView node(int k) {
    return NodeView.of(get(nodeUrl(k) + "/state"));
  }

  /** Everything each machine answers from this desk, for failure messages. */
  String describe() {
    StringBuilder out = new StringBuilder("lab machines now:");
    for (int k = 1; k <= count; k++) {
      for (String url : List.of(memberUrl(k) + "/view", replicaUrl(k) + "/orders", nodeUrl(k) + "/state")) {
        try {
          out.append("\n  ").append(url).append(" ").append(getBody(url));
        } catch (Exception e) {
          out.append("\n  ").append(url).append(": ").append(e.getMessage());
        }
      }
    }
    return out.toString();
  }

  private void netns(String command, String... names) {
    List<String> cmd = new ArrayList<>(List.of(NETNS.toString(), command));
    cmd.addAll(List.of(names));
    Shell.Result r = Shell.run(cmd);
    if (!r.ok()) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + r.output());
  }

  /** Kills every process, removes the namespaces (and with the last one restores IP forwarding). */
  @Override
  public void close() {
    processes.forEach(ChildProcess::close);
    try {
      netns("down", machines(count));
    } finally {
      vertx.close().await();
    }
  }
}
