package org.paternoster.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paternoster.process.ChildProcess;

/**
 * scripts/netns.sh, partition.sh and packet-loss.sh on real network namespaces: a view service in
 * namespace pn-r201, curl from pn-r202 and from this namespace. Skipped, saying why, where
 * namespaces or iptables cannot be used (not root, no iproute2 or iptables).
 */
class NetworkFaultScriptsIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final String SERVER = "r201";
  static final String CLIENT = "r202";
  static final String URL = "http://10.77.1.201:17901/view";
  static final String CHAIN = "PNTEST";
  static ChildProcess viewService;

  @BeforeAll
  static void namespaces() throws Exception {
    String noNetns = new NetworkNamespaces(ROOT).unusable();
    Assumptions.assumeTrue(noNetns == null, () -> "network namespaces unusable here, test skipped: " + noNetns);
    String noIptables = new Iptables(ROOT).unusable();
    Assumptions.assumeTrue(noIptables == null, () -> "iptables unusable here, test skipped: " + noIptables);
    Shell.Result up = Shell.run(List.of(script("netns.sh"), "up", SERVER, CLIENT));
    assertThat(up.ok()).as(up.output()).isTrue();
    assertThat(up.output()).contains("r201 10.77.1.201", "r202 10.77.1.202");
    viewService = ChildProcess.command(List.of(script("view-service.sh"), "--host", "10.77.1.201", "--port", "17901", "--discovery", "none"))
        .inside(List.of(script("netns.sh"), "exec", SERVER)).env("PATERNOSTER_NO_BUILD", "1")
        .env(org.paternoster.security.ClusterSecret.ENV, org.paternoster.security.ClusterSecret.randomText()).start("netns-view-service");
    await().atMost(Duration.ofSeconds(60)).until(() -> reachableFrom(null));
  }

  @AfterAll
  static void cleanUp() {
    Shell.run(List.of(script("partition.sh"), "--chain", CHAIN, "heal"));
    if (viewService != null) viewService.close();
    Shell.run(List.of(script("netns.sh"), "down"));
  }

  @Test
  void aCutSeparatesExactlyOnePairAndHealUndoesIt() {
    assertThat(reachableFrom(CLIENT)).as("namespaces reach each other, routed through this one").isTrue();
    assertThat(Shell.run(List.of(script("partition.sh"), "--chain", CHAIN, "cut", SERVER, CLIENT)).ok()).isTrue();
    assertThat(reachableFrom(CLIENT)).as("cut").isFalse();
    assertThat(reachableFrom(null)).as("this namespace is not part of the cut").isTrue();
    assertThat(Shell.run(List.of(script("partition.sh"), "--chain", CHAIN, "heal")).ok()).isTrue();
    assertThat(reachableFrom(CLIENT)).as("healed").isTrue();
  }

  @Test
  void totalPacketLossToOneProcessSparesTheExemptAddress() {
    assertThat(Shell.run(List.of(script("packet-loss.sh"), "--chain", CHAIN, "--target", SERVER, "--rate", "1.0",
        "--except", "10.77.0.1")).ok()).isTrue();
    try {
      assertThat(reachableFrom(CLIENT)).as("every packet to the server dropped").isFalse();
      assertThat(reachableFrom(null)).as("the exempt address still gets through").isTrue();
    } finally {
      Shell.run(List.of(script("packet-loss.sh"), "--chain", CHAIN, "--off"));
    }
    assertThat(reachableFrom(CLIENT)).isTrue();
  }

  @Test
  void badNamesAreRefusedWithoutTouchingAnything() {
    Shell.Result r = Shell.run(List.of(script("partition.sh"), "--chain", CHAIN, "cut", SERVER, "nobody"));
    assertThat(r.ok()).isFalse();
    assertThat(r.output()).contains("not an IPv4 address nor a process name: nobody");
    assertThat(Shell.run(List.of("iptables", "-w", "-S", CHAIN)).ok()).as("no chain was made").isFalse();
    assertThat(Shell.run(List.of(script("netns.sh"), "addr", "x9")).output()).contains("unknown process name");
  }

  /** GET /view answers, from namespace {@code ns} (null: this one), within 2 s. */
  static boolean reachableFrom(String ns) {
    List<String> cmd = new ArrayList<>();
    if (ns != null) cmd.addAll(List.of(script("netns.sh"), "exec", ns));
    cmd.addAll(List.of("curl", "-fsS", "-m", "2", "-o", "/dev/null", URL));
    return Shell.run(cmd).ok();
  }

  static String script(String name) {
    return ROOT.resolve("scripts").resolve(name).toString();
  }
}
