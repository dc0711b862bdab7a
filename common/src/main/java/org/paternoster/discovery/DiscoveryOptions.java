package org.paternoster.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.paternoster.security.ClusterSecret;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The discovery flags every Paternoster process shares; add with {@code @Mixin DiscoveryOptions}.
 * {@code --discovery hazelcast|none}, {@code --hz-members HOST[:PORT],...}, and for a LAN
 * {@code --hz-cluster-name}, {@code --hz-interface}, {@code --hz-multicast}.
 */
public final class DiscoveryOptions {
  /** Whether a Hazelcast lite member is started. */
  public enum Mode { HAZELCAST, NONE }

  @Option(names = "--discovery", paramLabel = "hazelcast|none", defaultValue = "hazelcast",
      converter = ModeConverter.class,
      description = "Announce and find processes through an embedded Hazelcast lite member, or not (default: ${DEFAULT-VALUE}).")
  private Mode mode = Mode.HAZELCAST;

  @Option(names = "--hz-members", paramLabel = "HOST[:PORT]", split = ",",
      description = "Hazelcast TCP-IP join addresses (default: 127.0.0.1, ports 5701-5703).")
  private List<String> members = new ArrayList<>();

  @Option(names = "--hz-cluster-name", paramLabel = "NAME", defaultValue = DiscoverySettings.DEFAULT_CLUSTER,
      description = "Discovery cluster name: processes find only those with the same name (default: ${DEFAULT-VALUE}).")
  private String clusterName = DiscoverySettings.DEFAULT_CLUSTER;

  @Option(names = "--hz-interface", paramLabel = "ADDRESS",
      description = "The network interface discovery binds and announces, an address or a wildcard such as 10.0.0.* (default: Hazelcast's choice).")
  private String networkInterface;

  @Option(names = "--hz-multicast", description = "Join by multicast on the LAN instead of the --hz-members list.")
  private boolean multicast;

  public boolean enabled() {
    return mode == Mode.HAZELCAST;
  }

  public Mode mode() {
    return mode;
  }

  /** The join addresses given, or the default (127.0.0.1). */
  public List<String> members() {
    return members.isEmpty() ? DiscoverySettings.DEFAULT_MEMBERS : List.copyOf(members);
  }

  /** The settings these flags describe. */
  public DiscoverySettings settings() {
    return new DiscoverySettings(clusterName, members(), DiscoverySettings.DEFAULT_PORT, 100, networkInterface, multicast);
  }

  /** {@link IllegalArgumentException} (a usage error) when these flags ask for a LAN interface or multicast and there is no secret. */
  public void check(Optional<ClusterSecret> secret) {
    settings().withSecret(secret);
  }

  /**
   * Starts discovery announcing this process in a cluster with {@code secret} (or none), or empty
   * with {@code --discovery none}. Blocks for the join. {@link IllegalArgumentException} (a usage
   * error) for a LAN interface or multicast without a secret.
   */
  public Optional<Discovery> start(String role, String id, String url, Optional<ClusterSecret> secret) {
    if (!enabled()) return Optional.empty();
    DiscoverySettings settings = settings().withSecret(secret);
    return Optional.of(Discovery.start(role, id, url, settings));
  }

  static final class ModeConverter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      try {
        return Mode.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected hazelcast or none, got '" + value + "'");
      }
    }
  }
}
