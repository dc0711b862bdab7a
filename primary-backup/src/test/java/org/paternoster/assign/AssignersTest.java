package org.paternoster.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssignersTest {

  @Test
  void withoutACommandTheBuiltInAssignerRunsOnTheEventLoop() {
    assertThat(Assigners.fromCommandLine(null)).isInstanceOf(TimeToIdleAssigner.class);
    assertThat(Assigners.fromCommandLine("  ")).isInstanceOf(TimeToIdleAssigner.class);
    assertThat(Assigners.fromCommandLine(null).mayBlock()).isFalse();
  }

  @Test
  void aCommandGivesABlockingExternalAssigner() {
    Assigner a = Assigners.fromCommandLine("./hall_request_assigner --travelDuration 2500");
    assertThat(a).isInstanceOf(ExternalAssigner.class);
    assertThat(a.mayBlock()).isTrue();
    assertThatThrownBy(() -> Assigners.fromCommandLine("run 'oops")).isInstanceOf(IllegalArgumentException.class);
  }
}
