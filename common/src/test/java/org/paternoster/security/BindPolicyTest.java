package org.paternoster.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BindPolicyTest {
  @Test
  void withoutASecretOnlyLoopbackMayBeBound() {
    assertThatCode(() -> BindPolicy.check("127.0.0.1", Optional.empty())).doesNotThrowAnyException();
    assertThatCode(() -> BindPolicy.check("localhost", Optional.empty())).doesNotThrowAnyException();
    assertThatCode(() -> BindPolicy.check("::1", Optional.empty())).doesNotThrowAnyException();
    assertThatThrownBy(() -> BindPolicy.check("0.0.0.0", Optional.empty())).hasMessageContaining("without a cluster secret");
    assertThatThrownBy(() -> BindPolicy.check("10.77.3.1", Optional.empty())).hasMessageContaining("--cluster-secret-file");
  }

  @Test
  void withASecretAnyAddressMayBeBound() {
    assertThatCode(() -> BindPolicy.check("0.0.0.0", Optional.of(ClusterSecret.of("k".repeat(32))))).doesNotThrowAnyException();
  }
}
