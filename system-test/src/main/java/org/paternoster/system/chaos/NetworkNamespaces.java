package org.paternoster.system.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes' network namespaces, through {@code scripts/netns.sh}: one namespace per process,
 * joined to the runner's namespace by a veth pair and routed through it, so the runner's iptables
 * rules (FORWARD) see every packet between two processes. Needs root.
 */
public final class NetworkNamespaces {
  private final Path script;
  private List<String> names = List.of();

  public NetworkNamespaces(Path root) {
    this.script = root.resolve("scripts/netns.sh");
  }

  /** Null when namespaces can be made here, else why not. */
  public String unusable() {
    Shell.Result r = Shell.run(List.of(script.toString(), "check"));
    return r.ok() ? null : r.output().isEmpty() ? "netns.sh check failed" : r.output();
  }

  /** Creates a namespace for each of {@code names} (removing left-overs of an earlier run first). */
  public void up(List<String> names) {
    this.names = List.copyOf(names);
    down();
    List<String> cmd = new ArrayList<>(List.of(script.toString(), "up"));
    cmd.addAll(names);
    Shell.Result r = Shell.run(cmd);
    if (!r.ok()) throw new IllegalStateException("netns.sh up failed: " + r.output());
  }

  /**
   * Removes the namespaces {@link #up} made (and kills what still runs in one), leaving any other
   * test's namespaces alone (the lab-machines test, say). Idempotent.
   */
  public void down() {
    if (names.isEmpty()) return;
    List<String> cmd = new ArrayList<>(List.of(script.toString(), "down"));
    cmd.addAll(names);
    Shell.run(cmd);
  }
}
