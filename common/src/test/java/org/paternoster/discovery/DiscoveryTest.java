package org.paternoster.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paternoster.security.ClusterSecret;
import org.paternoster.testing.FreePorts;
import org.paternoster.testing.NetworkReach;

/**
 * Two lite members (no data member at all) find each other; one sees the other arrive and leave;
 * without a secret discovery listens on loopback only, and with one only signed announcements count.
 */
class DiscoveryTest {
  /** A cluster of its own, so a running demo on 5701+ can neither join nor be joined. */
  final int port = FreePorts.pick();
  static final ClusterSecret SECRET = ClusterSecret.of(ClusterSecret.randomText());
  final DiscoverySettings settings = new DiscoverySettings("discovery-test-" + UUID.randomUUID(),
      List.of("127.0.0.1:" + port), port, 10);
  Discovery viewService;
  Discovery replica;

  @AfterEach
  void close() {
    if (replica != null) replica.close();
    if (viewService != null) viewService.close();
  }

  @Test
  void aReplicaFindsTheViewServiceAndSeesItLeave() throws Exception {
    Peer announced = new Peer(ViewServiceLocator.ROLE, "view-service", "http://127.0.0.1:7123");
    viewService = Discovery.start(announced, settings);
    replica = Discovery.start(new Peer("replica", "r1", "http://127.0.0.1:7201"), settings);

    List<Peer> left = new CopyOnWriteArrayList<>();
    replica.listen(new DiscoveryListener() {
      @Override
      public void left(Peer peer) {
        left.add(peer);
      }
    });
    ViewServiceLocator locator = ViewServiceLocator.discovered(replica);
    await().atMost(Duration.ofSeconds(20)).until(() -> locator.get() != null);
    assertThat(locator.get()).isEqualTo("http://127.0.0.1:7123");
    assertThat(replica.members()).containsExactlyInAnyOrder(announced, replica.self());
    assertThat(viewService.find("replica")).contains("http://127.0.0.1:7201");

    viewService.close();
    await().atMost(Duration.ofSeconds(20)).until(() -> left.contains(announced));
    assertThat(replica.find(ViewServiceLocator.ROLE)).isEmpty();
    assertThat(locator.get()).isNull();
  }

  @Test
  void onlyProcessesOfTheSameClusterNameOnTheChosenInterfaceFindEachOther() {
    DiscoverySettings lab = new DiscoverySettings("lab-a-" + UUID.randomUUID(), List.of("127.0.0.1:" + port), port, 10, "127.0.0.1", false);
    DiscoverySettings otherLab = new DiscoverySettings("lab-b-" + UUID.randomUUID(), List.of("127.0.0.1:" + port), port, 10, "127.0.0.1", false);
    viewService = Discovery.start(new Peer(ViewServiceLocator.ROLE, "view-service", "http://127.0.0.1:7123"), lab);
    replica = Discovery.start(new Peer("replica", "r1", "http://127.0.0.1:7201"), otherLab);
    try (Discovery sameLab = Discovery.start(new Peer("replica", "r2", "http://127.0.0.1:7202"), lab)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> sameLab.find(ViewServiceLocator.ROLE).isPresent());
      assertThat(replica.find(ViewServiceLocator.ROLE)).as("another cluster name is another lab").isEmpty();
    }
  }

  @Test
  void multicastAndTheInterfaceAreConfiguredWhenAskedForInAClusterWithASecret() {
    Peer self = new Peer("replica", "r1", "http://10.0.0.1:7100");
    var config = HazelcastConfigs.liteMember(self, new DiscoverySettings("lab", List.of(), 5701, 10, "10.0.0.*", true, Optional.of(SECRET)));
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.0.0.*");
    assertThat(config.getProperty("hazelcast.socket.bind.any")).as("only on that interface").isEqualTo("false");
    var plain = HazelcastConfigs.liteMember(self, DiscoverySettings.defaults(List.of()));
    assertThat(plain.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).as("multicast off by default").isFalse();
    assertThat(plain.getNetworkConfig().getInterfaces().getInterfaces()).as("no secret: loopback only").containsExactly("127.0.0.1");
    var anyInterface = HazelcastConfigs.liteMember(self, DiscoverySettings.defaults(List.of()).withSecret(Optional.of(SECRET)));
    assertThat(anyInterface.getNetworkConfig().getInterfaces().isEnabled()).as("a secret and no choice: Hazelcast's").isFalse();
  }

  @Test
  void withoutASecretALanInterfaceOrMulticastIsAUsageError() {
    assertThatThrownBy(() -> new DiscoverySettings("lab", List.of(), 5701, 10, "10.0.0.*", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a cluster secret");
    assertThatThrownBy(() -> new DiscoverySettings("lab", List.of(), 5701, 10, null, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a cluster secret");
  }

  @Test
  void withoutASecretDiscoveryCannotBeReachedFromTheNetwork() {
    viewService = Discovery.start(new Peer(ViewServiceLocator.ROLE, "view-service", "http://127.0.0.1:7123"), settings);
    assertThat(NetworkReach.accepts(InetAddress.getLoopbackAddress(), viewService.port())).isTrue();
    InetAddress outside = NetworkReach.ownNetworkAddress().orElse(null);
    assumeTrue(outside != null, "this machine has no network address besides loopback");
    assertThat(NetworkReach.accepts(outside, viewService.port())).as("discovery's port through %s", outside).isFalse();
  }

  @Test
  void withASecretOnlyAnnouncementsSignedWithItAreBelieved() {
    DiscoverySettings signed = settings.withSecret(Optional.of(SECRET));
    viewService = Discovery.start(new Peer(ViewServiceLocator.ROLE, "view-service", "http://127.0.0.1:7123"), signed);
    replica = Discovery.start(new Peer("replica", "r1", "http://127.0.0.1:7201"), signed);
    try (Discovery unsigned = Discovery.start(new Peer(ViewServiceLocator.ROLE, "view-service", "http://127.0.0.1:6666"), settings);
         Discovery otherSecret = Discovery.start(new Peer(ViewServiceLocator.ROLE, "view-service", "http://127.0.0.1:6667"),
             settings.withSecret(Optional.of(ClusterSecret.of(ClusterSecret.randomText()))))) {
      await().atMost(Duration.ofSeconds(20)).until(() -> unsigned.members().size() == 4);
      assertThat(unsigned.members()).as("the strangers did join the discovery cluster").hasSize(4);
      await().atMost(Duration.ofSeconds(20)).until(() -> replica.find(ViewServiceLocator.ROLE).isPresent());
      assertThat(replica.members()).as("but a member lists only members").containsExactlyInAnyOrder(viewService.self(), replica.self());
      assertThat(ViewServiceLocator.discovered(replica).get()).isEqualTo("http://127.0.0.1:7123");
      assertThat(otherSecret.members()).containsExactly(otherSecret.self());
    }
  }

  @Test
  void aFixedUrlBypassesDiscovery() {
    assertThat(ViewServiceLocator.of("http://vs:7000/", null).get()).isEqualTo("http://vs:7000");
  }
}
