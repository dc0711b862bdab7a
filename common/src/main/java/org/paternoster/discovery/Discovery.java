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
  private static final Logger log = LoggerFactory.getLogger(Discovery.class);

  private final HazelcastInstance hazelcast;
  private final Peer self;

  private Discovery(HazelcastInstance hazelcast, Peer self) {
    this.hazelcast = hazelcast;
    this.self = self;
  }

  /** Joins the default "paternoster" cluster through {@code members} (empty: 127.0.0.1). Blocks, see below. */
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
    return new Discovery(hazelcast, self);
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

  private static Optional<Peer> peerOf(Member member) {
    String role = member.getAttribute(ROLE);
    String id = member.getAttribute(ID);
    String url = member.getAttribute(URL);
    return role == null || id == null || url == null ? Optional.empty() : Optional.of(new Peer(role, id, url));
  }
}
