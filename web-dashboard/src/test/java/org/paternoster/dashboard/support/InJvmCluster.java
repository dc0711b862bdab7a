package org.paternoster.dashboard.support;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.paternoster.elevator.node.NodeConfig;
import org.paternoster.elevator.node.NodeVerticle;
import org.paternoster.replica.http.ReplicaConfig;
import org.paternoster.replica.http.ReplicaVerticle;
import org.paternoster.testing.FreePorts;
import org.paternoster.time.LeaseClock;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.PingTiming;
import org.paternoster.view.View;
import org.paternoster.view.ViewServiceVerticle;
import org.paternoster.view.ViewState;
import org.paternoster.view.ViewStore;
import org.paternoster.view.client.ViewServiceClient;

/**
 * A real cluster inside the test's Vert.x: the view service, replicas and simulated elevator
 * nodes, each its own verticle on its own loopback port. Stopping a process undeploys it (its
 * sockets close, like a crash seen from outside). Methods block: call them off the event loop.
 */
public final class InJvmCluster {
  public static final String HOST = "127.0.0.1";
  public static final int FLOORS = 4;
  public static final long PING_MS = 100;
  public static final PingTiming TIMING = new PingTiming(PING_MS, 8);

  private final Vertx vertx;
  private final Map<String, String> deployments = new HashMap<>();
  private final Map<String, Integer> ports = new HashMap<>();
  private final String viewServiceUrl;
  private final ViewServiceClient viewService;

  private InJvmCluster(Vertx vertx, String viewServiceUrl, String deployment) {
    this.vertx = vertx;
    this.viewServiceUrl = viewServiceUrl;
    this.deployments.put("view-service", deployment);
    this.viewService = new ViewServiceClient(WebClient.create(vertx), () -> viewServiceUrl, 2_000);
  }

  /** Starts the view service (in memory, fast failure detection). */
  public static InJvmCluster start(Vertx vertx) {
    ViewServiceVerticle verticle = new ViewServiceVerticle(HOST, 0, TIMING, ViewStore.inMemory(), new MonotonicClock());
    String deployment = vertx.deployVerticle(verticle).await();
    return new InJvmCluster(vertx, "http://" + HOST + ":" + verticle.actualPort(), deployment);
  }

  public String viewServiceUrl() {
    return viewServiceUrl;
  }

  /** Starts replica {@code id} (again on its old port when restarted). */
  public InJvmCluster replica(String id) {
    int port = ports.computeIfAbsent(id, x -> FreePorts.pick());
    deploy(id, new ReplicaVerticle(ReplicaConfig.of(id, HOST, port, FLOORS, () -> viewServiceUrl, PING_MS), new LeaseClock()));
    return this;
  }

  /**
   * Starts a simulated elevator node, its car {@code timeScale} times faster than the real one
   * (2.5 s floor to floor at 1). The car starts on {@code startFloor}.
   */
  public InJvmCluster elevator(String id, int startFloor, double timeScale) {
    int port = ports.computeIfAbsent(id, x -> FreePorts.pick());
    NodeConfig config = NodeConfig.simulated(id, HOST, port, FLOORS, id.hashCode(), () -> viewServiceUrl, null);
    config = config.withTimings(config.simulator().withStartFloor(startFloor), config.fsm()).timeScaled(timeScale);
    deploy(id, new NodeVerticle(config));
    return this;
  }

  /** Undeploys {@code id}: from outside, the process is gone. */
  public void stop(String id) {
    String deployment = deployments.remove(id);
    if (deployment == null) throw new IllegalArgumentException("not running: " + id);
    vertx.undeploy(deployment).await();
  }

  public void stopViewService() {
    stop("view-service");
  }

  public String address(String id) {
    return "http://" + HOST + ":" + ports.get(id);
  }

  /** Waits until the view service announces a view that satisfies {@code until} and its primary acked it. */
  public View awaitView(String why, Predicate<View> until) {
    ViewState[] state = new ViewState[1];
    await(why).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(PING_MS)).ignoreExceptions().until(() -> {
      state[0] = viewService.view().await();
      return until.test(state[0].view()) && state[0].acked();
    });
    return state[0].view();
  }

  /** Waits for view {@code primary, backup} acked. */
  public View awaitPrimaryAndBackup(String primary, String backup) {
    return awaitView("view with primary " + primary + " and backup " + backup,
        v -> primary.equals(v.primary()) && backup.equals(v.backup()));
  }

  private void deploy(String id, io.vertx.core.VerticleBase verticle) {
    if (deployments.containsKey(id)) throw new IllegalStateException("already running: " + id);
    deployments.put(id, vertx.deployVerticle(verticle).await());
  }
}
