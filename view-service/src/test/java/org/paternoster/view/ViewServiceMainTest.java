package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line is an external contract (issue 2): exact flags, usage, exit codes. */
class ViewServiceMainTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return ViewServiceMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void helpPrintsUsageWithEveryFlagAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: view-service", "--host", "--port", "--ping-interval-ms",
        "--dead-pings", "--data-dir", "--discovery", "--hz-members");
  }

  @Test
  void aBadValueExitsNonZeroWithTheErrorAndUsageOnStderr() {
    assertThat(run("--port", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("--port", "nope", "Usage: view-service");
  }

  @Test
  void anUnknownFlagExitsNonZeroWithUsage() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("--bogus", "Usage: view-service");
  }

  @Test
  void anUnknownDiscoveryModeIsABadValue() {
    assertThat(run("--discovery", "zookeeper")).isEqualTo(2);
    assertThat(err.toString()).contains("hazelcast or none");
  }

  @Test
  void outOfRangeNumbersAreBadValues() {
    assertThat(run("--dead-pings", "0", "--discovery", "none")).isEqualTo(2);
    assertThat(err.toString()).contains("--dead-pings must be >= 1", "Usage: view-service");
    assertThat(run("--ping-interval-ms", "-5", "--discovery", "none")).isEqualTo(2);
    assertThat(run("--port", "70000", "--discovery", "none")).isEqualTo(2);
    assertThat(run("--detector", "psychic", "--discovery", "none")).isEqualTo(2);
    assertThat(err.toString()).contains("--detector must be adaptive or fixed, got psychic");
  }

  @Test
  void aGroupThatCannotFormAMajorityOrDoesNotListThisMemberIsAUsageError() {
    assertThat(run("--port", "7000", "--members", "127.0.0.1:7000,127.0.0.1:7002", "--discovery", "none")).isEqualTo(2);
    assertThat(err.toString()).contains("odd number", "Usage: view-service");
    assertThat(run("--port", "7004", "--members", "127.0.0.1:7000,127.0.0.1:7002,127.0.0.1:7006", "--discovery", "none")).isEqualTo(2);
    assertThat(err.toString()).contains("does not list this member");
    assertThat(run("--port", "0", "--members", "127.0.0.1:7000,127.0.0.1:7002,127.0.0.1:7006", "--discovery", "none")).isEqualTo(2);
    assertThat(err.toString()).contains("fixed --port");
  }

  @Test
  void anAdvertisedUrlMustBeHttpHostPort() {
    assertThat(run("--advertise", "ftp://10.0.0.1", "--discovery", "none")).isEqualTo(2);
    assertThat(err.toString()).contains("--advertise must be http://HOST[:PORT]");
    assertThat(run("--advertise", "http://10.0.0.1:7000/view", "--discovery", "none")).isEqualTo(2);
  }
}
