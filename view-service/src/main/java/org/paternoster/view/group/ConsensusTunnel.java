package org.paternoster.view.group;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.paternoster.security.ClusterSecret;
import org.paternoster.security.TunnelSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consensus port of a member of a cluster with a secret (issue 14). Ratis's Netty transport
 * (3.2.1) authenticates nothing, so this member's Ratis server listens on loopback only and every
 * byte between members' Ratis servers passes through tunnels sealed with the cluster secret
 * ({@link TunnelSeal}, {@link SealedPipe}):
 * <ul>
 *   <li>a <b>relay</b> per other member, on {@code 127.0.0.1} (a port of the system's choice):
 *       each connection the local Ratis makes to it is tunnelled to that member's gate. Ratis is
 *       told that the member lives there ({@link #relayAddress}).
 *   <li>the <b>gate</b>, on the member's consensus port: each tunnel that proves the secret is
 *       joined to a new connection to the local Ratis server; anything else is closed having
 *       reached nothing.
 * </ul>
 * The addresses Ratis is given are this process's own (each member's differ); Ratis keeps the
 * address it was first given for a member id (its {@code PeerProxyMap}), so the other members'
 * addresses that travel in configuration entries are never dialled ({@code SealedViewGroupTest}
 * restarts members to check it). Handshakes pending at the gate are bounded, so strangers cannot
 * pile them up.
 */
final class ConsensusTunnel implements AutoCloseable {
  static final int MAX_PENDING_HANDSHAKES = 64;
  private static final Logger log = LoggerFactory.getLogger(ConsensusTunnel.class);

  private final Vertx vertx;
  private final ClusterSecret secret;
  private final NetClient client;
  private final Map<String, String> relayAddresses = new HashMap<>();
  private final List<NetServer> servers = new ArrayList<>();
  private final AtomicInteger pendingAtGate = new AtomicInteger();
  private volatile Consumer<String> relayLost = id -> { };

  private ConsensusTunnel(Vertx vertx, ClusterSecret secret) {
    this.vertx = vertx;
    this.secret = secret;
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(1_000).setTcpNoDelay(true));
  }

  /** Starts a relay to each member but this one. Blocks until they listen. */
  static ConsensusTunnel open(Vertx vertx, ClusterSecret secret, GroupMembers members) {
    ConsensusTunnel tunnel = new ConsensusTunnel(vertx, secret);
    try {
      for (GroupMembers.Member m : members.members()) {
        if (m.equals(members.self())) continue;
        NetServer relay = vertx.createNetServer().connectHandler(local -> tunnel.relay(local, m));
        tunnel.servers.add(relay);
        relay.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        tunnel.relayAddresses.put(m.id(), "127.0.0.1:" + relay.actualPort());
      }
      return tunnel;
    } catch (Exception e) {
      tunnel.close();
      throw new IllegalStateException("cannot start the consensus relays: " + e.getMessage(), e);
    }
  }

  /**
   * Calls {@code lost} with a member's id (on a worker thread) each time a connection of the local
   * Ratis to that member's relay is closed because its tunnel failed or could not open. Ratis's
   * Netty client may keep such a connection as its proxy to the member until a request on it
   * fails, and that request is lost: dialling the member directly, a refused connection leaves no
   * proxy behind. The caller resets the proxy here, so the next request dials afresh (measured in
   * bench-vs-failover --sealed: without it, the first vote request to a member that had been down
   * failed and an election took one more round).
   */
  void whenRelayLost(Consumer<String> lost) {
    this.relayLost = lost;
  }

  /** Where the local Ratis server should dial member {@code id} (its relay). */
  String relayAddress(String id) {
    String address = relayAddresses.get(id);
    if (address == null) throw new IllegalArgumentException("no relay for " + id);
    return address;
  }

  /** Opens the gate on {@code host:port}, joining each verified tunnel to the local Ratis server on {@code ratisPort}. Blocks until it listens. */
  void admit(String host, int port, int ratisPort) {
    NetServer gate = vertx.createNetServer().connectHandler(remote -> {
      if (pendingAtGate.incrementAndGet() > MAX_PENDING_HANDSHAKES) {
        pendingAtGate.decrementAndGet();
        log.warn("consensus gate: {} handshakes pending, closing the connection from {}", MAX_PENDING_HANDSHAKES, remote.remoteAddress());
        remote.close();
        return;
      }
      new SealedPipe(vertx, remote, new TunnelSeal(secret, TunnelSeal.Role.SERVER),
          () -> client.connect(ratisPort, "127.0.0.1"), "from " + remote.remoteAddress(), pendingAtGate::decrementAndGet, () -> { })
          .start();
    });
    servers.add(gate);
    try {
      gate.listen(port, host).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot listen for consensus on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** Tunnels {@code local} (a connection of the local Ratis, held paused until the tunnel verifies) to member {@code to}. */
  private void relay(NetSocket local, GroupMembers.Member to) {
    local.pause();
    NetSocket[] remote = new NetSocket[1];
    boolean[] localClosed = new boolean[1];
    // Until the pipe takes the local side over: Ratis giving up on this connection ends the tunnel too.
    local.closeHandler(v -> {
      localClosed[0] = true;
      if (remote[0] != null) remote[0].close();
    });
    Runnable lost = () -> {
      local.close();
      vertx.executeBlocking(() -> {
        relayLost.accept(to.id());
        return null;
      }, false);
    };
    client.connect(to.consensusPort(), to.host()).onComplete(ar -> {
      if (ar.failed()) {
        lost.run();
        return;
      }
      remote[0] = ar.result();
      if (localClosed[0]) {
        remote[0].close();
        return;
      }
      new SealedPipe(vertx, remote[0], new TunnelSeal(secret, TunnelSeal.Role.CLIENT),
          () -> Future.succeededFuture(local), "to " + to.consensusAddress(), () -> { }, lost).start();
    });
  }

  @Override
  public void close() {
    for (NetServer s : servers) s.close();
    client.close();
  }
}
