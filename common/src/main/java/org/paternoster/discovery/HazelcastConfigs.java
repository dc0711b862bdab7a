package org.paternoster.discovery;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.spi.properties.ClusterProperty;
import java.util.UUID;

/**
 * The Hazelcast configuration for discovery only: a lite member (holds no data), TCP-IP join
 * (multicast only when asked for, never auto-detection), no phone-home, slf4j logging, short join and failure-detection
 * times so processes find each other in about a second and notice a killed one within seconds.
 * It listens on {@link DiscoverySettings#boundInterface()} only, when that is set (always without a
 * cluster secret: loopback), and announces the process's identity signed with the secret.
 */
final class HazelcastConfigs {
  private HazelcastConfigs() {}

  static Config liteMember(Peer self, DiscoverySettings settings) {
    Config config = new Config();
    config.setClusterName(settings.clusterName());
    config.setInstanceName("paternoster-" + self.role() + "-" + self.id() + "-" + UUID.randomUUID().toString().substring(0, 8));
    config.setLiteMember(true);
    config.getMemberAttributeConfig()
        .setAttribute(Discovery.ROLE, self.role())
        .setAttribute(Discovery.ID, self.id())
        .setAttribute(Discovery.URL, self.url());
    settings.secret().ifPresent(secret -> config.getMemberAttributeConfig().setAttribute(Discovery.MAC, Discovery.signature(secret, self)));

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(settings.portCount());
    JoinConfig join = network.getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(settings.multicast());
    join.getTcpIpConfig().setEnabled(!settings.multicast()).setMembers(settings.members()).setConnectionTimeoutSeconds(1);
    String bound = settings.boundInterface();
    if (bound != null) {
      // Only there: by default Hazelcast listens on every interface and only announces this one.
      network.getInterfaces().setEnabled(true).addInterface(bound);
      config.setProperty(ClusterProperty.SOCKET_BIND_ANY.getName(), "false");
    }

    config.setProperty(ClusterProperty.LOGGING_TYPE.getName(), "slf4j");
    config.setProperty(ClusterProperty.PHONE_HOME_ENABLED.getName(), "false");
    config.setProperty(ClusterProperty.SHUTDOWNHOOK_ENABLED.getName(), "false");
    config.setProperty(ClusterProperty.WAIT_SECONDS_BEFORE_JOIN.getName(), "0");
    config.setProperty(ClusterProperty.MAX_WAIT_SECONDS_BEFORE_JOIN.getName(), "1");
    config.setProperty(ClusterProperty.MERGE_FIRST_RUN_DELAY_SECONDS.getName(), "5");
    config.setProperty(ClusterProperty.MERGE_NEXT_RUN_DELAY_SECONDS.getName(), "5");
    config.setProperty(ClusterProperty.HEARTBEAT_INTERVAL_SECONDS.getName(), "1");
    config.setProperty(ClusterProperty.MAX_NO_HEARTBEAT_SECONDS.getName(), "5");
    return config;
  }
}
