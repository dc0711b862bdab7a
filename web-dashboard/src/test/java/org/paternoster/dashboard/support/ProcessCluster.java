package org.paternoster.dashboard.support;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.paternoster.replica.ReplicaMain;
import org.paternoster.process.ChildProcess;
import org.paternoster.testing.ChildProcesses;
import org.paternoster.testing.FreePorts;
import org.paternoster.view.View;
import org.paternoster.view.ViewServiceMain;
import org.paternoster.view.ViewState;
import org.paternoster.discovery.ViewServiceLocator;
import org.paternoster.view.client.ViewServiceClient;

/**
 * The view service and replicas as child JVMs on loopback, so a replica can be killed with
 * SIGKILL, by the test or by {@code scripts/kill-primary.sh}. Replica ids carry this JVM's pid:
 * the kill script finds its victim by {@code --id} among all processes of the machine.
 */
public final class ProcessCluster {
  public static final long PING_MS = 100;
  private final ChildProcesses children;
  private final String viewServiceUrl;
  private final ViewServiceClient viewService;
  private final Map<String, ChildProcess> replicas = new HashMap<>();
  private final String idPrefix = "dash" + ProcessHandle.current().pid() + "-";

  private final Map<String, ChildProcess> members = new HashMap<>();

  public ProcessCluster(ChildProcesses children, Vertx vertx) {
    this.children = children;
    int port = FreePorts.pick();
    viewServiceUrl = "http://127.0.0.1:" + port;
    children.start("view-service", ViewServiceMain.class, "--port", "" + port, "--discovery", "none",
        "--ping-interval-ms", "" + PING_MS, "--dead-pings", "8");
    viewService = new ViewServiceClient(WebClient.create(vertx), ViewServiceLocator.fixed(viewServiceUrl), 2_000);
  }

  /**
   * A replicated view service of three members (each with its consensus log under {@code dataDir})
   * instead of one process; {@link #viewServiceUrl()} lists all three.
   */
  public ProcessCluster(ChildProcesses children, Vertx vertx, Path dataDir) {
    this.children = children;
    List<String> hostPorts = new ArrayList<>();
    for (int k = 0; k < 3; k++) hostPorts.add("127.0.0.1:" + FreePorts.pick() + ":" + FreePorts.pick());
    List<String> urls = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      String[] hp = hostPorts.get(k).split(":");
      urls.add("http://127.0.0.1:" + hp[1]);
      members.put(urls.get(k), children.start("member-" + k, ViewServiceMain.class, "--port", hp[1],
          "--members", String.join(",", hostPorts), "--data-dir", dataDir.resolve("m" + k).toString(), "--discovery", "none",
          "--ping-interval-ms", "" + PING_MS, "--dead-pings", "8"));
    }
    viewServiceUrl = String.join(",", urls);
    viewService = new ViewServiceClient(WebClient.create(vertx), ViewServiceLocator.fixed(viewServiceUrl), 2_000);
  }

  /** kill -9 of the view-service member at {@code url}. */
  public void kill9Member(String url) {
    members.get(url).kill9();
  }

  public String viewServiceUrl() {
    return viewServiceUrl;
  }

  /** The full id of replica {@code name}: unique on this machine. */
  public String id(String name) {
    return idPrefix + name;
  }

  public void startReplica(String name) {
    replicas.put(name, children.start(id(name), ReplicaMain.class, "--id", id(name), "--port", "" + FreePorts.pick(),
        "--view-service", viewServiceUrl, "--discovery", "none", "--ping-interval-ms", "" + PING_MS));
  }

  public void kill9(String name) {
    replicas.get(name).kill9();
  }

  public boolean isAlive(String name) {
    return replicas.get(name).isAlive();
  }

  /** Waits (off the event loop) for an acked view satisfying {@code until}. */
  public View awaitView(String why, Predicate<View> until) {
    ViewState[] state = new ViewState[1];
    await(why).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(PING_MS)).ignoreExceptions().until(() -> {
      state[0] = viewService.view().await();
      return until.test(state[0].view()) && state[0].acked();
    });
    return state[0].view();
  }
}
