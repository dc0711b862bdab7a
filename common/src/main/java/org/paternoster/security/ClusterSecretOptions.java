package org.paternoster.security;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --cluster-secret-file} option every process shares (a picocli mixin). Without it (and
 * without {@link ClusterSecret#ENV}) the process authenticates nothing and must listen on loopback.
 */
public final class ClusterSecretOptions {
  @Option(names = "--cluster-secret-file", paramLabel = "PATH",
      description = "the cluster's shared secret (scripts/cluster-secret.sh writes one; or set " + ClusterSecret.ENV
          + "): every message between processes is signed with it. Without one, only a loopback address may be bound.")
  Path secretFile;

  /** The configured secret; {@link IllegalArgumentException} when the file is unreadable or the secret too short. */
  public Optional<ClusterSecret> secret() {
    return ClusterSecret.configured(secretFile, System.getenv(ClusterSecret.ENV));
  }

  /**
   * The authentication for a process that listens on {@code host}; {@link IllegalArgumentException}
   * (a usage error) when that host needs a secret and none is set.
   */
  public ClusterAuth authFor(String host) {
    Optional<ClusterSecret> secret = secret();
    BindPolicy.check(host, secret);
    return ClusterAuth.of(secret);
  }
}
