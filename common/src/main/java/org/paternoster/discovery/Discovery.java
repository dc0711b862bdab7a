package org.paternoster.discovery;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.paternoster.security.ClusterSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Paternoster processes through an embedded Hazelcast lite member. Discovery only: each
 * process announces its static identity ({@link Peer}) as member attributes; no maps, locks,
 * heartbeats of the protocol or any other data go through Hazelcast (design: "Hazelcast, for
 * discovery only"). Thread-safe.
 */
public final class Discovery implements AutoCloseable {
  static final String ROLE = "role";
  static final String ID = "id";
  static final String URL = "url";
  static final String MAC = "mac";
  private static final String SIGNED_AS = "paternoster-discovery-v1";
  private static final Logger log = LoggerFactory.getLogger(Discovery.class);

  private final HazelcastInstance hazelcast;
  private final Peer self;
  private final Optional<ClusterSecret> secret;
  /** The strangers already logged, so each is logged once. */
  private final java.util.Set<UUID> ignored = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Discovery(HazelcastInstance hazelcast, Peer self, Optional<ClusterSecret> secret) {
    this.hazelcast = hazelcast;
    this.self = self;
    this.secret = secret;
  }

  /** Joins the default "paternoster" cluster through {@code members} (empty: 127.0.0.1), without a secret. Blocks, see below. */
  public static Discovery start(String role, String id, String httpUrl, List<String> members) {
    return start(new Peer(role, id, httpUrl), DiscoverySettings.defaults(members));
  }

  public static Discovery start(String role, String id, String httpUrl, DiscoverySettings settings) {
    return start(new Peer(role, id, httpUrl), settings);
  }

  /**
   * Starts a lite member announcing {@code self}. Blocks for the join (about a second when alone;
   * call it from main or a worker thread, never on an event loop).
   */
  public static Discovery start(Peer self, DiscoverySettings settings) {
    HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(HazelcastConfigs.liteMember(self, settings));
    log.info("discovery: joined cluster '{}' as {} {} ({} members)", settings.clusterName(), self.role(), self.id(),
        hazelcast.getCluster().getMembers().size());
    return new Discovery(hazelcast, self, settings.secret());
  }

  /** The port this process's discovery member listens on. */
  int port() {
    return hazelcast.getCluster().getLocalMember().getAddress().getPort();
  }

  public Peer self() {
    return self;
  }

  /** Every announced process in the cluster, this one included, oldest first. */
  public List<Peer> members() {
    List<Peer> peers = new ArrayList<>();
    for (Member m : hazelcast.getCluster().getMembers()) peerOf(m).ifPresent(peers::add);
    return peers;
  }

  /** The URL of the oldest process announcing {@code role}, if any is in the cluster now. */
  public Optional<String> find(String role) {
    return members().stream().filter(p -> p.role().equals(role)).map(Peer::url).findFirst();
  }

  /**
   * Registers {@code listener} for processes arriving and leaving from now on (see
   * {@link DiscoveryListener} for its threads). Closing the returned handle unregisters it.
   */
  public AutoCloseable listen(DiscoveryListener listener) {
    UUID registration = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        peerOf(event.getMember()).ifPresent(listener::arrived);
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        peerOf(event.getMember()).ifPresent(listener::left);
      }
    });
    return () -> {
      if (hazelcast.getLifecycleService().isRunning()) hazelcast.getCluster().removeMembershipListener(registration);
    };
  }

  /** Leaves the cluster gracefully, so the others see this process leave at once. Idempotent. */
  @Override
  public void close() {
    if (hazelcast.getLifecycleService().isRunning()) hazelcast.shutdown();
  }

  /**
   * The process {@code member} announces; with a secret, only when its announcement is signed with
   * it (a stranger that joins the discovery cluster is not listed, so it is never asked; it could
   * not answer for a member anyway, every answer being checked).
   */
  private Optional<Peer> peerOf(Member member) {
    String role = member.getAttribute(ROLE);
    String id = member.getAttribute(ID);
    String url = member.getAttribute(URL);
    if (role == null || id == null || url == null) return Optional.empty();
    Peer peer = new Peer(role, id, url);
    if (secret.isPresent() && !secret.get().verify(SIGNED_AS, signed(peer), member.getAttribute(MAC))) {
      if (ignored.add(member.getUuid())) log.warn("discovery: ignoring an announcement not signed with the cluster secret: {} {} at {} ({})", role, id, url, member.getAddress());
      return Optional.empty();
    }
    return Optional.of(peer);
  }

  /** The signature {@code peer}'s announcement carries in a cluster with {@code secret}. */
  static String signature(ClusterSecret secret, Peer peer) {
    return secret.sign(SIGNED_AS, signed(peer));
  }

  private static String signed(Peer peer) {
    return peer.role() + "\n" + peer.id() + "\n" + peer.url();
  }
}
