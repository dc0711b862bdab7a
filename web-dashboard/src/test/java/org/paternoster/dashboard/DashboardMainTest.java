package org.paternoster.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line: flags, usage, exit codes. Only refusals here; a started dashboard keeps its JVM alive. */
class DashboardMainTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return DashboardMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void helpPrintsUsageWithEveryFlagAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: dashboard", "--port", "--host", "--view-service", "--control",
        "--discovery", "--hz-members", "--floors", "--poll-interval-ms");
  }

  @Test
  void anUnknownFlagExitsNonZeroWithUsage() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("--bogus", "Usage: dashboard");
  }

  @Test
  void badValuesExitNonZeroWithTheReason() {
    assertThat(run("--port", "http")).isEqualTo(2);
    assertThat(err.toString()).contains("--port", "Usage: dashboard");
    assertThat(run("--port", "70000", "--discovery", "none", "--view-service", "http://127.0.0.1:7000")).isEqualTo(2);
    assertThat(run("--floors", "1", "--discovery", "none", "--view-service", "http://127.0.0.1:7000")).isEqualTo(2);
    assertThat(run("--poll-interval-ms", "0", "--discovery", "none", "--view-service", "http://127.0.0.1:7000")).isEqualTo(2);
    assertThat(run("--discovery", "zookeeper")).isEqualTo(2);
    assertThat(run("--discovery", "none", "--view-service", "127.0.0.1:7000")).isEqualTo(2);
    assertThat(err.toString()).contains("--floors must be in 2..128", "hazelcast or none", "--view-service must be an http:// URL");
  }

  @Test
  void withoutDiscoveryTheViewServiceUrlIsRequired() {
    assertThat(run("--discovery", "none")).isEqualTo(2);
    assertThat(err.toString()).contains("--discovery none needs --view-service URL");
  }
}
