package org.paternoster.system.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Network faults through {@code scripts/partition.sh} and {@code scripts/packet-loss.sh}. Every
 * fault gets its own chain {@code PNCHAOS-<id>}, so healing one fault never heals another, and
 * {@link #healAll()} removes every chain this runner (or a crashed earlier run) left behind.
 */
public final class Iptables {
  public static final String PREFIX = "PNCHAOS-";
  private final Path scripts;

  public Iptables(Path root) {
    this.scripts = root.resolve("scripts");
  }

  /** Null when iptables is usable here, else why not (not root, not installed, not working). */
  public String unusable() {
    Shell.Result r = Shell.run(List.of(scripts.resolve("partition.sh").toString(), "check"));
    return r.ok() ? null : r.output().isEmpty() ? "partition.sh check failed" : r.output();
  }

  public static String chain(int faultId) {
    return PREFIX + faultId;
  }

  /** Drops all traffic between {@code a} and each of {@code others}. */
  public Shell.Result cut(int faultId, String a, String... others) {
    List<String> cmd = partition(faultId, "cut");
    cmd.add(a);
    cmd.addAll(List.of(others));
    return Shell.run(cmd);
  }

  /** Drops all traffic to and from {@code a}, except with {@code except}. */
  public Shell.Result isolate(int faultId, String a, String except) {
    List<String> cmd = partition(faultId, "isolate");
    cmd.addAll(List.of(a, "--except", except));
    return Shell.run(cmd);
  }

  /** Drops {@code rate} (0..1) of the packets sent to {@code target}, except those from {@code except}. */
  public Shell.Result loss(int faultId, String target, double rate, String except) {
    return Shell.run(List.of(scripts.resolve("packet-loss.sh").toString(), "--chain", chain(faultId), "--target", target,
        "--rate", String.format(java.util.Locale.ROOT, "%.2f", rate), "--except", except));
  }

  public Shell.Result heal(int faultId) {
    return Shell.run(partition(faultId, "heal"));
  }

  /** Heals every {@code PNCHAOS-*} chain present; returns how many. */
  public int healAll() {
    Shell.Result list = Shell.run(List.of("iptables", "-w", "-S"));
    if (!list.ok()) return 0;
    int n = 0;
    for (String line : list.output().split("\n")) {
      if (line.startsWith("-N " + PREFIX)) {
        String chain = line.substring(3).trim();
        Shell.run(List.of(scripts.resolve("partition.sh").toString(), "--chain", chain, "heal"));
        n++;
      }
    }
    return n;
  }

  private List<String> partition(int faultId, String command) {
    return new ArrayList<>(List.of(scripts.resolve("partition.sh").toString(), "--chain", chain(faultId), command));
  }
}
