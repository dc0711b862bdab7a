package org.paternoster.discovery;

/**
 * Learns when announced processes arrive and leave. Called on Hazelcast event threads, never on a
 * Vert.x context: a verticle hops back with {@code context.runOnContext(v -> ...)} before touching
 * its state. Must not block.
 */
public interface DiscoveryListener {
  default void arrived(Peer peer) {}

  default void left(Peer peer) {}
}
