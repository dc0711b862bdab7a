package org.paternoster.discovery;

import java.util.List;
import java.util.Optional;
import org.paternoster.security.ClusterSecret;

/**
 * Where the discovery cluster lives. {@code members} are TCP-IP join addresses ({@code HOST} or
 * {@code HOST:PORT}; a bare host means ports {@code port .. port+2}); the local member binds the
 * first free port from {@code port} within {@code portCount}. On a LAN: {@code networkInterface}
 * (an address or a wildcard such as {@code 10.0.0.*}) picks the interface Hazelcast binds and
 * announces, and {@code multicast} joins by multicast instead of the member list.
 *
 * <p>With the cluster's {@code secret}, every announcement is signed with it and only signed ones
 * are believed. Without one, discovery, like everything else, listens on loopback only
 * ({@code BindPolicy}): a LAN interface or multicast is a usage error.
 */
public record DiscoverySettings(String clusterName, List<String> members, int port, int portCount,
    String networkInterface, boolean multicast, Optional<ClusterSecret> secret) {
  public static final String DEFAULT_CLUSTER = "paternoster";
  public static final int DEFAULT_PORT = 5701;
  public static final List<String> DEFAULT_MEMBERS = List.of("127.0.0.1");
  static final String LOOPBACK = "127.0.0.1";

  public DiscoverySettings {
    members = members == null || members.isEmpty() ? DEFAULT_MEMBERS : List.copyOf(members);
    if (clusterName == null || clusterName.isBlank()) throw new IllegalArgumentException("cluster name is empty");
    secret = secret == null ? Optional.empty() : secret;
    if (secret.isEmpty() && multicast) {
      throw new IllegalArgumentException("--hz-multicast needs a cluster secret: without one discovery listens on loopback only"
          + " (give --cluster-secret-file PATH or " + ClusterSecret.ENV + ")");
    }
    if (secret.isEmpty() && networkInterface != null && !LOOPBACK.equals(networkInterface)) {
      throw new IllegalArgumentException("refusing discovery on " + networkInterface + " without a cluster secret: anyone who can"
          + " reach it could announce a member. Give --cluster-secret-file PATH (or " + ClusterSecret.ENV + "), or leave --hz-interface out.");
    }
  }

  public DiscoverySettings(String clusterName, List<String> members, int port, int portCount, String networkInterface, boolean multicast) {
    this(clusterName, members, port, portCount, networkInterface, multicast, Optional.empty());
  }

  /** These settings for a cluster with {@code secret} (or none). */
  public DiscoverySettings withSecret(Optional<ClusterSecret> secret) {
    return new DiscoverySettings(clusterName, members, port, portCount, networkInterface, multicast, secret);
  }

  /**
   * The interface discovery binds, and only that one: the one asked for, else loopback when there
   * is no secret; null (Hazelcast's choice, every interface) with a secret and no choice.
   */
  public String boundInterface() {
    if (networkInterface != null) return networkInterface;
    return secret.isEmpty() ? LOOPBACK : null;
  }

  public DiscoverySettings(String clusterName, List<String> members, int port, int portCount) {
    this(clusterName, members, port, portCount, null, false);
  }

  /** The shared "paternoster" cluster on ports 5701+, joining through {@code members}. */
  public static DiscoverySettings defaults(List<String> members) {
    return new DiscoverySettings(DEFAULT_CLUSTER, members, DEFAULT_PORT, 100);
  }
}
