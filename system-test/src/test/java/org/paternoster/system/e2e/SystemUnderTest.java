package org.paternoster.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.paternoster.elevator.node.NodeMain;
import org.paternoster.replica.ReplicaMain;
import org.paternoster.process.ChildProcess;
import org.paternoster.testing.FreePorts;
import org.paternoster.view.ViewServiceMain;

/**
 * The whole system on loopback, every process a child JVM: one view service ("vs"), controller
 * replicas and simulated elevator nodes (4 floors, {@code --time-scale 5}: a floor takes 500 ms,
 * the door stays open 600 ms). Processes keep their port (and nodes their data directory) across
 * {@link #kill9}/{@link #restart}, so a restarted process is the same machine coming back.
 *
 * <p>The test thread talks HTTP with {@code .await()}; every request has a timeout so a frozen
 * (SIGSTOP) process cannot hang a test. Waits are coarse ({@link #WAIT}), polled every 50 ms: a
 * test waits for what must happen, never for how fast.
 */
final class SystemUnderTest implements AutoCloseable {
  static final int FLOORS = 4;
  static final int TIME_SCALE = 5;
  /** The door time of the scaled building (3 s / 5). */
  static final Duration DOOR_TIME = Duration.ofMillis(3000 / TIME_SCALE);
  static final Duration WAIT = Duration.ofSeconds(45);
  static final Duration POLL = Duration.ofMillis(50);
  static final String VIEW_SERVICE = "vs";
  private static final long REQUEST_TIMEOUT_MS = 2_000;

  /** Starts a child JVM: {@code ChildProcesses::start} (killed after each test) or {@code ChildProcess::start}. */
  @FunctionalInterface
  interface Launcher {
    ChildProcess start(String name, String mainClass, List<String> args);
  }

  /** A replica's {@code GET /orders}: the pending calls it holds, and the primary's assignee of each hall call. */
  record Book(String role, long viewnum, Set<Call> calls, Map<Call, String> assignees) {}

  private final Launcher launcher;
  private final Path dataRoot;
  private final String prefix;
  private final Vertx vertx = Vertx.vertx();
  private final WebClient http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(1_000));
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();
  private final Map<String, List<String>> commands = new ConcurrentHashMap<>();
  private final Map<String, ChildProcess> running = new ConcurrentHashMap<>();
  private final Set<String> frozen = ConcurrentHashMap.newKeySet();
  private final List<String> replicas = new ArrayList<>();
  private final List<String> elevators = new ArrayList<>();

  SystemUnderTest(Launcher launcher, Path dataRoot, String prefix) {
    this.launcher = launcher;
    this.dataRoot = dataRoot;
    this.prefix = prefix;
  }

  /** A view service, replicas r1..rN and the given elevators, and waits until all of it is ready. */
  static SystemUnderTest start(Launcher launcher, Path dataRoot, String prefix, int replicas, String... elevators) {
    SystemUnderTest sys = new SystemUnderTest(launcher, dataRoot, prefix);
    sys.startViewService();
    for (int i = 1; i <= replicas; i++) sys.startReplica("r" + i);
    for (String e : elevators) sys.startElevator(e);
    sys.awaitReady();
    return sys;
  }

  // ---------------------------------------------------------------- processes

  void startViewService() {
    // The shipped failure-detection defaults, as a user runs them.
    launch(VIEW_SERVICE, ViewServiceMain.class, List.of("--port", "" + port(VIEW_SERVICE), "--discovery", "none"));
  }

  void startReplica(String id) {
    replicas.add(id);
    launch(id, ReplicaMain.class, List.of("--id", id, "--port", "" + port(id), "--view-service", url(VIEW_SERVICE),
        "--discovery", "none", "--floors", "" + FLOORS));
  }

  /** A simulated car; cab calls kept under {@code dataRoot/id}; its simulator seed (start position) fixed by its id. */
  void startElevator(String id) {
    elevators.add(id);
    launch(id, NodeMain.class, List.of("--id", id, "--port", "" + port(id), "--view-service", url(VIEW_SERVICE),
        "--discovery", "none", "--simulate", "--data-dir", dataRoot.toString(), "--time-scale", "" + TIME_SCALE,
        "--floors", "" + FLOORS, "--seed", "" + (1_000 + Math.floorMod(id.hashCode(), 1_000))));
  }

  private void launch(String name, Class<?> main, List<String> args) {
    commands.put(name, args);
    running.put(name, launcher.start(prefix + "-" + name, main.getName(), args));
    frozen.remove(name);
  }

  /** SIGKILL: the machine dies; its port and data stay for {@link #restart}. */
  void kill9(String name) {
    ChildProcess p = running.remove(name);
    assertThat(p).as("%s is running", name).isNotNull();
    p.kill9();
    frozen.remove(name);
  }

  /** Starts a killed process again with the same identity, port and data directory. */
  void restart(String name) {
    assertThat(running).as("%s is down", name).doesNotContainKey(name);
    Class<?> main = name.equals(VIEW_SERVICE) ? ViewServiceMain.class : replicas.contains(name) ? ReplicaMain.class : NodeMain.class;
    launch(name, main, commands.get(name));
  }

  /** SIGSTOP: it keeps its sockets open and answers nothing (a hung machine, a silent partition). */
  void sigstop(String name) {
    running.get(name).sigstop();
    frozen.add(name);
  }

  void sigcont(String name) {
    running.get(name).sigcont();
    frozen.remove(name);
  }

  boolean reachable(String name) {
    return running.containsKey(name) && !frozen.contains(name);
  }

  List<String> replicas() {
    return List.copyOf(replicas);
  }

  List<String> elevators() {
    return List.copyOf(elevators);
  }

  List<String> reachableElevators() {
    return elevators.stream().filter(this::reachable).toList();
  }

  ChildProcess process(String name) {
    return running.get(name);
  }

  // ---------------------------------------------------------------- HTTP

  String url(String name) {
    return "http://127.0.0.1:" + port(name);
  }

  private int port(String name) {
    return ports.computeIfAbsent(name, n -> FreePorts.pick());
  }

  Future<JsonObject> getAsync(String name, String path) {
    return http.getAbs(url(name) + path).timeout(REQUEST_TIMEOUT_MS).send().map(r -> json(name, path, r));
  }

  JsonObject get(String name, String path) {
    return getAsync(name, path).await();
  }

  JsonObject post(String name, String path, JsonObject body) {
    return http.postAbs(url(name) + path).timeout(REQUEST_TIMEOUT_MS).sendJsonObject(body).map(r -> json(name, path, r)).await();
  }

  private static JsonObject json(String name, String path, HttpResponse<Buffer> r) {
    if (r.statusCode() != 200) throw new IllegalStateException(name + " " + path + " answered " + r.statusCode() + ": " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** The view service's current view: {@code viewnum, primary, backup, primaryAddress, backupAddress, acked}. */
  JsonObject view() {
    return get(VIEW_SERVICE, "/view");
  }

  String primary() {
    return view().getString("primary");
  }

  NodeView node(String id) {
    return NodeView.of(get(id, "/state"));
  }

  /** Every reachable node's state, fetched concurrently. */
  Map<String, NodeView> nodes() {
    List<String> ids = reachableElevators();
    List<Future<JsonObject>> states = ids.stream().map(id -> getAsync(id, "/state")).toList();
    Map<String, NodeView> out = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) out.put(ids.get(i), NodeView.of(states.get(i).await()));
    return out;
  }

  Book book(String replica) {
    return book(get(replica, "/orders"));
  }

  static Book book(JsonObject orders) {
    Set<Call> calls = new LinkedHashSet<>();
    Map<Call, String> assignees = new HashMap<>();
    for (Object o : orders.getJsonArray("orders")) {
      JsonObject order = (JsonObject) o;
      Call call = Call.fromOrder(order);
      calls.add(call);
      if (order.getString("assignee") != null) assignees.put(call, order.getString("assignee"));
    }
    return new Book(orders.getString("role"), orders.getLong("viewnum", 0L), Set.copyOf(calls), Map.copyOf(assignees));
  }

  /** The current primary's book. */
  Book primaryBook() {
    return book(primary());
  }

  /** The primary's view of one car ({@code GET /state} elevators[]), or null if it does not know it. */
  JsonObject carAtPrimary(String elevator) {
    JsonArray cars = get(primary(), "/state").getJsonArray("elevators", new JsonArray());
    for (Object o : cars) {
      if (elevator.equals(((JsonObject) o).getString("id"))) return (JsonObject) o;
    }
    return null;
  }

  /** Presses {@code call}'s button on node {@code at}'s simulated panel (a cab button only on its own car). */
  void press(String at, Call call) {
    if (call instanceof Call.Cab c) assertThat(c.elevator()).as("a cab button is on its own car").isEqualTo(at);
    post(at, "/buttons", call.button());
  }

  void fault(String node, JsonObject fault) {
    post(node, "/faults", fault);
  }

  // ---------------------------------------------------------------- waiting

  static ConditionFactory await(String what) {
    return Awaitility.await(what).atMost(WAIT).pollInterval(POLL).pollDelay(Duration.ZERO).ignoreExceptions();
  }

  /** Waits for {@code condition}; on timeout fails with a snapshot of the whole system. */
  void until(String what, Callable<Boolean> condition) {
    until(what, condition, Boolean.TRUE::equals);
  }

  /** Waits until {@code supplier} gives a value matching {@code done} and returns it; on timeout fails with a snapshot. */
  <T> T until(String what, Callable<T> supplier, Predicate<? super T> done) {
    try {
      return await(what).until(supplier, done::test);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + describe(), e);
    }
  }

  /** Everything reachable, for failure messages: the view, each replica's book, each node. */
  String describe() {
    StringBuilder out = new StringBuilder("system now:");
    try {
      if (reachable(VIEW_SERVICE)) out.append("\n  view ").append(view().encode());
    } catch (Exception e) {
      out.append("\n  view: ").append(e.getMessage());
    }
    for (String r : replicas) {
      if (!reachable(r)) {
        out.append("\n  ").append(r).append(running.containsKey(r) ? " frozen" : " down");
        continue;
      }
      try {
        Book b = book(r);
        out.append("\n  ").append(r).append(" ").append(b.role()).append(" view ").append(b.viewnum()).append(" holds ")
            .append(b.calls()).append(" assigned ").append(b.assignees());
      } catch (Exception e) {
        out.append("\n  ").append(r).append(": ").append(e.getMessage());
      }
    }
    for (String e : elevators) {
      if (!reachable(e)) {
        out.append("\n  ").append(e).append(running.containsKey(e) ? " frozen" : " down");
        continue;
      }
      try {
        out.append("\n  ").append(node(e)).append(" ").append(get(e, "/state").encode());
      } catch (Exception x) {
        out.append("\n  ").append(e).append(": ").append(x.getMessage());
      }
    }
    return out.toString();
  }

  /**
   * A complete, acked view (with a backup when two replicas are up), and every reachable node
   * online in that view, its floor known, idle and available.
   */
  void awaitReady() {
    until("system ready", () -> {
      JsonObject view = view();
      long liveReplicas = replicas.stream().filter(this::reachable).count();
      if (view.getString("primary") == null || !view.getBoolean("acked")) return false;
      if (liveReplicas >= 2 && view.getString("backup") == null) return false;
      return nodes().values().stream().allMatch(n -> n.online() && n.floor() != null && n.idle() && n.available()
          && n.viewnum() == view.getLong("viewnum"));
    });
  }

  /** {@link #awaitReady()}, the primary's book empty and no lamp lit anywhere: a test may begin. */
  void awaitQuiet() {
    awaitReady();
    until("no pending calls, no lamp lit", () -> primaryBook().calls().isEmpty()
        && nodes().values().stream().allMatch(n -> n.lit().isEmpty() && n.idle()));
  }

  /** Floors where no reachable car stands now. */
  List<Integer> floorsWithoutCar() {
    Set<Integer> occupied = new LinkedHashSet<>();
    nodes().values().forEach(n -> occupied.add(n.floor()));
    List<Integer> free = new ArrayList<>();
    for (int f = 0; f < FLOORS; f++) if (!occupied.contains(f)) free.add(f);
    return free;
  }

  /** Drives every reachable car to {@code floor} with cab calls and waits until all stand there idle. */
  void park(int floor) {
    for (NodeView n : nodes().values()) {
      if (n.floor() != floor) press(n.id(), Call.cab(n.id(), floor));
    }
    until("cars parked at floor " + floor, () -> nodes().values().stream()
        .allMatch(n -> n.floor() == floor && n.idle() && n.lit().isEmpty()));
  }

  /** Kills every process still running (a frozen one too) and closes the HTTP client. */
  @Override
  public void close() {
    running.values().forEach(ChildProcess::close);
    running.clear();
    vertx.close().await();
  }
}
