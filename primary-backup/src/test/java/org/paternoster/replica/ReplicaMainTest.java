package org.paternoster.replica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paternoster.testing.CapturedStderr;

/** The replica's command line: refusals only (a started replica keeps its JVM alive). */
class ReplicaMainTest {
  @RegisterExtension final CapturedStderr err = new CapturedStderr();

  @Test
  void anUnknownDispatcherTooManyFloorsOrNoRoomForWaitingOrdersExitNonZeroWithTheReason() {
    String[] base = {"--id", "r1", "--discovery", "none", "--view-service", "http://127.0.0.1:1"};
    assertThat(ReplicaMain.run(concat(base, "--dispatcher", "fastest"))).isEqualTo(2);
    assertThat(ReplicaMain.run(concat(base, "--floors", "129"))).isEqualTo(2);
    assertThat(ReplicaMain.run(concat(base, "--max-waiting-orders", "0"))).isEqualTo(2);
    assertThat(err.text()).contains("--dispatcher must be one of [paternoster, time-to-idle]", "--floors must be in 2..128",
        "--max-waiting-orders must be >= 1");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
