package org.paternoster.replica.http;

import java.util.function.Supplier;
import org.paternoster.orders.Building;

/**
 * How one replica runs. {@code viewServiceUrl} is asked before every ping (a fixed URL or discovery; null while unknown).
 * Timeouts derive from the ping interval unless given: a forward that takes longer than a few
 * ping intervals is retried, and a client waits at most {@code commitTimeoutMs} before being told
 * to retry with the same id.
 */
public record ReplicaConfig(
    String id,
    String host,
    int port,
    Building building,
    Supplier<String> viewServiceUrl,
    long pingIntervalMs,
    long peerTimeoutMs,
    long commitTimeoutMs) {

  public static ReplicaConfig of(String id, String host, int port, int floors, Supplier<String> viewServiceUrl, long pingIntervalMs) {
    return new ReplicaConfig(id, host, port, new Building(floors), viewServiceUrl, pingIntervalMs,
        Math.max(50, 4 * pingIntervalMs), Math.max(1_000, 20 * pingIntervalMs));
  }

  public String address() {
    return "http://" + host + ":" + port;
  }
}
