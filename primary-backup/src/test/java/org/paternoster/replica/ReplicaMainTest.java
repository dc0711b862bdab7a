package org.paternoster.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replica's command line: refusals only (a started replica keeps its JVM alive). */
class ReplicaMainTest {
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  PrintStream saved;

  @BeforeEach
  void captureErr() {
    saved = System.err;
    System.setErr(new PrintStream(err, true));
  }

  @AfterEach
  void restoreErr() {
    System.setErr(saved);
  }

  @Test
  void anUnknownDispatcherOrTooManyFloorsExitNonZeroWithTheReason() {
    String[] base = {"--id", "r1", "--discovery", "none", "--view-service", "http://127.0.0.1:1"};
    assertThat(ReplicaMain.run(concat(base, "--dispatcher", "fastest"))).isEqualTo(2);
    assertThat(ReplicaMain.run(concat(base, "--floors", "129"))).isEqualTo(2);
    assertThat(err.toString()).contains("--dispatcher must be one of [paternoster, time-to-idle]", "--floors must be in 2..128");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
