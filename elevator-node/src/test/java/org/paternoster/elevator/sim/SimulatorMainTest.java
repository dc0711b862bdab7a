package org.paternoster.elevator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new SimulatorMain());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void helpPrintsTheOptions() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--port", "--floors", "--http-port", "--seed");
  }

  @Test
  void unknownOptionsPrintUsageAndFail() {
    assertThat(run("--bogus")).isNotZero();
    assertThat(err.toString()).contains("Unknown option", "Usage:");
  }

  @Test
  void outOfRangeValuesPrintUsageAndFail() {
    assertThat(run("--floors", "12")).isNotZero();
    assertThat(err.toString()).contains("floors must be 2..9", "Usage:");
    assertThat(run("--floors", "four")).isNotZero();
    assertThat(run("--port", "70000")).isNotZero();
    assertThat(run("--start-floor", "5")).isNotZero();
  }
}
