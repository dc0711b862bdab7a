package org.paternoster.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The discovery flags every Paternoster process shares; add with {@code @Mixin DiscoveryOptions}.
 * {@code --discovery hazelcast|none} and {@code --hz-members HOST[:PORT],...}.
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

  /** Starts discovery announcing this process, or empty with {@code --discovery none}. Blocks for the join. */
  public Optional<Discovery> start(String role, String id, String url) {
    return enabled() ? Optional.of(Discovery.start(role, id, url, members())) : Optional.empty();
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
