package org.paternoster.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FaultKindTest {
  @Test
  void parsesListsAllAndNone() {
    assertThat(FaultKind.parse("kill, pause,kill", false)).containsExactly(FaultKind.KILL, FaultKind.PAUSE);
    assertThat(FaultKind.parse("all", true)).hasSize(FaultKind.values().length);
    assertThat(FaultKind.parse("all", false)).as("no power loss without disks").hasSize(FaultKind.values().length - 1)
        .doesNotContain(FaultKind.POWER_LOSS);
    assertThat(FaultKind.parse("none", false)).isEmpty();
    assertThat(FaultKind.parse("dup-reorder", false)).containsExactly(FaultKind.DUP_REORDER);
    assertThat(FaultKind.DUP_REORDER.wire()).isEqualTo("dup-reorder");
    assertThat(FaultKind.parse("power-loss", true)).containsExactly(FaultKind.POWER_LOSS);
    assertThatThrownBy(() -> FaultKind.parse("power-loss", false)).hasMessageContaining("needs --durable-books");
    assertThatThrownBy(() -> FaultKind.parse("kill,meteor", false)).hasMessageContaining("unknown fault 'meteor'");
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
