package org.paternoster.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Without a cluster secret nothing is authenticated, so a process may listen only where nobody
 * else can reach it: a loopback address. With one, it may bind anything (the LAN address, or
 * {@code 0.0.0.0}). Checked at start-up, before anything is bound.
 */
public final class BindPolicy {
  private BindPolicy() {}

  /** {@link IllegalArgumentException} (a usage error) when {@code host} is refused. */
  public static void check(String host, Optional<ClusterSecret> secret) {
    if (secret.isPresent() || isLoopback(host)) return;
    throw new IllegalArgumentException("refusing to listen on " + host + " without a cluster secret: anyone who can reach it"
        + " could act as a member. Give --cluster-secret-file PATH (or " + ClusterSecret.ENV + "), or listen on 127.0.0.1.");
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
