package org.paternoster.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FaultKindTest {
  @Test
  void parsesListsAllAndNone() {
    assertThat(FaultKind.parse("kill, pause,kill")).containsExactly(FaultKind.KILL, FaultKind.PAUSE);
    assertThat(FaultKind.parse("all")).hasSize(FaultKind.values().length);
    assertThat(FaultKind.parse("none")).isEmpty();
    assertThat(FaultKind.parse("dup-reorder")).containsExactly(FaultKind.DUP_REORDER);
    assertThat(FaultKind.DUP_REORDER.wire()).isEqualTo("dup-reorder");
    assertThatThrownBy(() -> FaultKind.parse("kill,meteor")).hasMessageContaining("unknown fault 'meteor'");
  }

  @Test
  void durationsTakeSecondsMinutesAndMilliseconds() {
    CommandLine cmd = new CommandLine(new ChaosMain());
    assertThat(ChaosMain.millis(cmd, "--duration", "90")).isEqualTo(90_000);
    assertThat(ChaosMain.millis(cmd, "--duration", "60s")).isEqualTo(60_000);
    assertThat(ChaosMain.millis(cmd, "--duration", "2m")).isEqualTo(120_000);
    assertThat(ChaosMain.millis(cmd, "--duration", "1500ms")).isEqualTo(1500);
    assertThatThrownBy(() -> ChaosMain.millis(cmd, "--duration", "soon")).isInstanceOf(CommandLine.ParameterException.class);
  }

  @Test
  void badFlagsAreAUsageErrorNotARun() {
    assertThat(ChaosMain.run("--faults", "meteor")).isEqualTo(2);
    assertThat(ChaosMain.run("--duration", "x")).isEqualTo(2);
    assertThat(ChaosMain.run("--no-such-flag")).isEqualTo(2);
  }
}
