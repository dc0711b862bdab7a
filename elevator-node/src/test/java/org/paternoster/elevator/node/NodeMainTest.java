package org.paternoster.elevator.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paternoster.testing.CapturedStderr;
import org.paternoster.elevator.hardware.DriverConfig;

/** The node's command line: refusals (a started node keeps its JVM alive), and the poll defaults. */
class NodeMainTest {
  @RegisterExtension final CapturedStderr err = new CapturedStderr();

  @Test
  void aPollIntervalOutsideItsRangeExitsNonZeroWithTheReason() {
    for (String bad : new String[] {"0", "101", "-5"}) {
      assertThat(NodeMain.run("--id", "e1", "--discovery", "none", "--view-service", "http://127.0.0.1:1", "--poll-ms", bad))
          .as("--poll-ms %s", bad).isEqualTo(2);
    }
    assertThat(err.text()).contains("--poll-ms must be in 1..100");
  }

  @Test
  void theBuiltInSimulatorIsPolledTwiceAsOftenAsHardwareUnlessToldOtherwise() {
    assertThat(NodeConfig.simulated("e1", "127.0.0.1", 7201, 4, 1, () -> null, null).pollMs()).isEqualTo(10);
    assertThat(NodeConfig.onHardware("e1", "127.0.0.1", 7201, 4, "127.0.0.1:15657", () -> null, null).pollMs())
        .isEqualTo(DriverConfig.DEFAULT_POLL_MS).isEqualTo(20);
    assertThat(NodeConfig.simulated("e1", "127.0.0.1", 7201, 4, 1, () -> null, null).withPollMs(3).pollMs()).isEqualTo(3);
  }
}
