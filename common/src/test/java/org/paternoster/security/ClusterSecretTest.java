package org.paternoster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretTest {
  @Test
  void aShortSecretIsAUsageError() {
    assertThatThrownBy(() -> ClusterSecret.of("too short")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
    assertThatThrownBy(() -> ClusterSecret.of(" ".repeat(40))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFileWinsOverTheEnvironmentAndNothingMeansNone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "a".repeat(40) + "\n");
    assertThat(ClusterSecret.configured(file, "b".repeat(40)).orElseThrow().key()).isEqualTo("a".repeat(40).getBytes());
    assertThat(ClusterSecret.configured(null, "b".repeat(40)).orElseThrow().key()).isEqualTo("b".repeat(40).getBytes());
    assertThat(ClusterSecret.configured(null, "")).isEqualTo(Optional.empty());
    assertThat(ClusterSecret.configured(null, null)).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> ClusterSecret.configured(dir.resolve("absent"), null)).hasMessageContaining("cannot read");
  }

  @Test
  void itIsNeverPrinted() {
    assertThat(ClusterSecret.of("x".repeat(32)).toString()).doesNotContain("xxx");
  }
}
