package org.paternoster.discovery;

import java.util.List;

/**
 * Where the discovery cluster lives. {@code members} are TCP-IP join addresses ({@code HOST} or
 * {@code HOST:PORT}; a bare host means ports {@code port .. port+2}); the local member binds the
 * first free port from {@code port} within {@code portCount}. On a LAN: {@code networkInterface}
 * (an address or a wildcard such as {@code 10.0.0.*}) picks the interface Hazelcast binds and
 * announces, and {@code multicast} joins by multicast instead of the member list.
 */
public record DiscoverySettings(String clusterName, List<String> members, int port, int portCount,
    String networkInterface, boolean multicast) {
  public static final String DEFAULT_CLUSTER = "paternoster";
  public static final int DEFAULT_PORT = 5701;
  public static final List<String> DEFAULT_MEMBERS = List.of("127.0.0.1");

  public DiscoverySettings {
    members = members == null || members.isEmpty() ? DEFAULT_MEMBERS : List.copyOf(members);
    if (clusterName == null || clusterName.isBlank()) throw new IllegalArgumentException("cluster name is empty");
  }

  public DiscoverySettings(String clusterName, List<String> members, int port, int portCount) {
    this(clusterName, members, port, portCount, null, false);
  }

  /** The shared "paternoster" cluster on ports 5701+, joining through {@code members}. */
  public static DiscoverySettings defaults(List<String> members) {
    return new DiscoverySettings(DEFAULT_CLUSTER, members, DEFAULT_PORT, 100);
  }
}
