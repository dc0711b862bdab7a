package org.paternoster.replica.http;

import java.util.function.Supplier;
import org.paternoster.orders.Building;
import org.paternoster.security.ClusterAuth;

/**
 * How one replica runs. {@code viewServiceUrl} is asked before every ping (a fixed URL or discovery; null while unknown).
 * Timeouts derive from the ping interval: a forward unanswered for ten ping intervals (at least
 * 250 ms; a transfer waits at least {@link PeerLink#TRANSFER_TIMEOUT_MS}, it carries the whole book) is retried, and a client waits at most {@code commitTimeoutMs} before being told
 * to retry with the same id. A car silent for {@code elevatorSilenceMs} loses its hall calls. At
 * most {@code maxWaitingOrders} clients wait for a commit at once; more are answered {@code 503}
 * with {@code Retry-After} (admission control).
 */
public record ReplicaConfig(
    String id,
    String host,
    int port,
    Building building,
    Supplier<String> viewServiceUrl,
    long pingIntervalMs,
    long peerTimeoutMs,
    long commitTimeoutMs,
    long elevatorSilenceMs,
    String assignerCmd,
    String dispatcher,
    java.nio.file.Path dataDir,
    String advertise,
    ClusterAuth auth,
    int maxWaitingOrders) {

  /**
   * How many clients may wait for their commit at once ({@code --max-waiting-orders}). Far above
   * what elevators send (a press each, a few per second), and above the 2,048 closed-loop clients
   * of {@code bench-commit.sh}; what it bounds is the heap of a primary whose backup is slow.
   */
  public static final int DEFAULT_MAX_WAITING_ORDERS = 8_192;

  public static ReplicaConfig of(String id, String host, int port, int floors, Supplier<String> viewServiceUrl, long pingIntervalMs) {
    return new ReplicaConfig(id, host, port, new Building(floors), viewServiceUrl, pingIntervalMs,
        Math.max(250, 10 * pingIntervalMs), Math.max(1_000, 20 * pingIntervalMs), 1_000, null, null, null, null, ClusterAuth.open(),
        DEFAULT_MAX_WAITING_ORDERS);
  }

  /** The same replica with a durable book in {@code dir} ({@code --data-dir}); null for memory only. */
  public ReplicaConfig withDataDir(java.nio.file.Path dir) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, assignerCmd, dispatcher, dir, advertise, auth, maxWaitingOrders);
  }

  /** The same replica with an external course-format assigner ({@code --assigner-cmd}). */
  public ReplicaConfig withAssignerCmd(String cmd) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, cmd, dispatcher, dataDir, advertise, auth, maxWaitingOrders);
  }

  /** The same replica assigning hall calls with the dispatcher {@code name} ({@code --dispatcher}); null for the default. */
  public ReplicaConfig withDispatcher(String name) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, assignerCmd, name, dataDir, advertise, auth, maxWaitingOrders);
  }

  /** The same replica announced at {@code url} ({@code --advertise}) instead of http://HOST:PORT; null for the latter. */
  public ReplicaConfig withAdvertise(String url) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, assignerCmd, dispatcher, dataDir, url, auth, maxWaitingOrders);
  }

  /** The same replica in a cluster with a secret: it signs what it sends and checks what it gets. */
  public ReplicaConfig withAuth(ClusterAuth clusterAuth) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, assignerCmd, dispatcher, dataDir, advertise, clusterAuth, maxWaitingOrders);
  }

  /** The same replica keeping at most {@code max} clients waiting for a commit ({@code --max-waiting-orders}). */
  public ReplicaConfig withMaxWaitingOrders(int max) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, assignerCmd, dispatcher, dataDir, advertise, auth, max);
  }

  /** Where others reach this replica: {@code --advertise}, else http://HOST:PORT. */
  public String address() {
    return advertise != null ? advertise : "http://" + host + ":" + port;
  }
}
