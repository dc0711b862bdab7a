package org.paternoster.replica.http;

import java.util.function.Supplier;
import org.paternoster.orders.Building;
import org.paternoster.security.ClusterAuth;

/**
 * How one replica runs. {@code viewServiceUrl} is asked before every ping (a fixed URL or discovery; null while unknown).
 * Timeouts derive from the ping interval: a forward unanswered for ten ping intervals (at least
 * 250 ms; a transfer waits at least {@link PeerLink#TRANSFER_TIMEOUT_MS}, it carries the whole book) is retried, and a client waits at most {@code commitTimeoutMs} before being told
 * to retry with the same id. A car silent for {@code elevatorSilenceMs} loses its hall calls.
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
    ClusterAuth auth) {

  public static ReplicaConfig of(String id, String host, int port, int floors, Supplier<String> viewServiceUrl, long pingIntervalMs) {
    return new ReplicaConfig(id, host, port, new Building(floors), viewServiceUrl, pingIntervalMs,
        Math.max(250, 10 * pingIntervalMs), Math.max(1_000, 20 * pingIntervalMs), 1_000, null, null, null, null, ClusterAuth.open());
  }

  /** The same replica with a durable book in {@code dir} ({@code --data-dir}); null for memory only. */
  public ReplicaConfig withDataDir(java.nio.file.Path dir) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, assignerCmd, dispatcher, dir, advertise, auth);
  }

  /** The same replica with an external course-format assigner ({@code --assigner-cmd}). */
  public ReplicaConfig withAssignerCmd(String cmd) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, cmd, dispatcher, dataDir, advertise, auth);
  }

  /** The same replica assigning hall calls with the dispatcher {@code name} ({@code --dispatcher}); null for the default. */
  public ReplicaConfig withDispatcher(String name) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, assignerCmd, name, dataDir, advertise, auth);
  }

  /** The same replica announced at {@code url} ({@code --advertise}) instead of http://HOST:PORT; null for the latter. */
  public ReplicaConfig withAdvertise(String url) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, assignerCmd, dispatcher, dataDir, url, auth);
  }

  /** The same replica in a cluster with a secret: it signs what it sends and checks what it gets. */
  public ReplicaConfig withAuth(ClusterAuth clusterAuth) {
    return new ReplicaConfig(id, host, port, building, viewServiceUrl, pingIntervalMs, peerTimeoutMs, commitTimeoutMs,
        elevatorSilenceMs, assignerCmd, dispatcher, dataDir, advertise, clusterAuth);
  }

  /** Where others reach this replica: {@code --advertise}, else http://HOST:PORT. */
  public String address() {
    return advertise != null ? advertise : "http://" + host + ":" + port;
  }
}
