package org.paternoster.replica.process;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.paternoster.orders.CabCall;
import org.paternoster.replica.ReplicaMain;
import org.paternoster.replica.client.OrderClient;
import org.paternoster.process.ChildProcess;
import org.paternoster.testing.ChildProcesses;
import org.paternoster.testing.FreePorts;
import org.paternoster.view.View;
import org.paternoster.view.ViewServiceMain;
import org.paternoster.view.client.ViewServiceClient;

/**
 * A real controller on loopback: the view service and replicas as child JVMs, clients in the
 * test JVM using {@link OrderClient}. Timing is coarse: tests wait for events, never for speed.
 */
final class ProcessCluster implements AutoCloseable {
  static final long PING_MS = 50;

  private final ChildProcesses processes;
  private final Vertx vertx = Vertx.vertx();
  private final WebClient http = WebClient.create(vertx);
  private final Map<String, ChildProcess> replicas = new HashMap<>();
  private final Map<String, Integer> ports = new HashMap<>();
  private final String viewServiceUrl;
  private final ViewServiceClient viewService;
  final ConcurrentLinkedQueue<CabCall> acknowledged = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean clientsRunning = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();

  /** @param viewServiceOptions more options for the view service, e.g. {@code --on-total-loss wait} */
  ProcessCluster(ChildProcesses processes, String... viewServiceOptions) {
    this.processes = processes;
    int port = FreePorts.pick();
    viewServiceUrl = "http://127.0.0.1:" + port;
    List<String> args = new ArrayList<>(List.of("--port", "" + port, "--discovery", "none",
        "--ping-interval-ms", "" + PING_MS, "--dead-pings", "5"));
    args.addAll(List.of(viewServiceOptions));
    processes.start("view-service", ViewServiceMain.class, args.toArray(String[]::new));
    viewService = new ViewServiceClient(http, viewServiceUrl);
  }

  void startReplica(String id) {
    startReplica(id, List.of());
  }

  /** A replica with a durable book in {@code dataDir} (kept across its restarts). */
  void startReplica(String id, Path dataDir) {
    startReplica(id, List.of("--data-dir", dataDir.toString()));
  }

  private void startReplica(String id, List<String> extra) {
    int port = ports.computeIfAbsent(id, x -> FreePorts.pick());
    List<String> args = new ArrayList<>(List.of("--id", id, "--port", "" + port,
        "--view-service", viewServiceUrl, "--discovery", "none", "--ping-interval-ms", "" + PING_MS));
    args.addAll(extra);
    replicas.put(id, processes.start(id, ReplicaMain.class, args.toArray(String[]::new)));
  }

  void kill9(String id) {
    replicas.get(id).kill9();
  }

  View view() {
    return viewService.view().await().view();
  }

  /** Why each view was announced, oldest first ({@code GET /views}). */
  List<String> viewReasons() {
    List<String> reasons = new ArrayList<>();
    viewService.views().await().forEach(v -> reasons.add(((JsonObject) v).getString("reason")));
    return reasons;
  }

  boolean acked() {
    return viewService.view().await().acked();
  }

  JsonObject get(String id, String path) {
    return http.getAbs("http://127.0.0.1:" + ports.get(id) + path).send().await().bodyAsJsonObject();
  }

  void awaitSettled(String why) {
    await(why).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
        .until(() -> view().backup() != null && acked());
  }

  /** {@code n} clients pressing unique cab calls back to back, recording every acknowledgement. */
  void startClients(int n) {
    clientsRunning.set(true);
    OrderClient client = new OrderClient(vertx, http, () -> viewServiceUrl, 500);
    for (int c = 0; c < n; c++) {
      String name = "c" + c;
      vertx.runOnContext(x -> pressLoop(client, name, new AtomicInteger()));
    }
  }

  private void pressLoop(OrderClient client, String name, AtomicInteger counter) {
    if (!clientsRunning.get()) return;
    int k = counter.getAndIncrement();
    CabCall call = new CabCall(name + "-" + k, k % 4);
    inFlight.incrementAndGet();
    client.press(name + "-" + k, call, Long.MAX_VALUE).onComplete(ar -> {
      inFlight.decrementAndGet();
      if (ar.succeeded()) acknowledged.add(call);
      pressLoop(client, name, counter);
    });
  }

  void stopClients() {
    clientsRunning.set(false);
    await("clients drained").atMost(Duration.ofSeconds(30)).until(() -> inFlight.get() == 0);
  }

  /** Every acknowledged call that is pending on the given replica's book. */
  List<CabCall> missingOn(String id) {
    var orders = get(id, "/orders").getJsonArray("orders");
    var held = new ArrayList<String>();
    orders.forEach(o -> {
      JsonObject j = (JsonObject) o;
      if ("cab".equals(j.getString("type"))) held.add(j.getString("elevator") + "@" + j.getInteger("floor"));
    });
    return acknowledged.stream().filter(c -> !held.contains(c.elevator() + "@" + c.floor())).toList();
  }

  @Override
  public void close() {
    clientsRunning.set(false);
    vertx.close().await();
  }
}
