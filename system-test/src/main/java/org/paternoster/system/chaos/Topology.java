package org.paternoster.system.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Who runs where. Every process has an address of its own so that iptables can cut any pair
 * (scripts/partition.sh): in {@link Network#NETNS} its own network namespace from
 * scripts/netns.sh (view service 10.77.0.10, rN 10.77.1.N, eN 10.77.2.N; this namespace, where
 * the runner lives, 10.77.0.1), in {@link Network#LOOPBACK} an address of its own on loopback
 * (127.0.0.10, .1N, .2N; the runner 127.0.0.99). The observer, the passenger generator and the
 * fault injector use {@link #observer()}, exempted from every cut, loss and message fault.
 */
public final class Topology {
  /** How processes are kept apart. */
  public enum Network {
    /** Each process in its own network namespace, routed through this one (needs root). */
    NETNS,
    /** Each process on its own 127.0.0.x address (no root needed to run; iptables still needs it). */
    LOOPBACK;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String VIEW_SERVICE = "view-service";
  public static final List<String> REPLICAS = List.of("r1", "r2", "r3");
  public static final List<String> NODES = List.of("e1", "e2", "e3");
  public static final int FLOORS = 4;

  private final int basePort;
  private final Network network;
  private final Map<String, String> netnsAddresses = new HashMap<>(); // name -> address, from scripts/netns.sh

  /**
   * Ports: view service {@code base}, replica i {@code base+100+i}, node i {@code base+200+i}. In
   * {@link Network#NETNS} the addresses come from {@code scripts/netns.sh addr} (one address plan).
   */
  public Topology(int basePort, Network network, Path scripts) {
    this.basePort = basePort;
    this.network = network;
    if (network == Network.NETNS) {
      List<String> names = new ArrayList<>(all());
      names.add("root");
      for (String n : names) {
        Shell.Result r = Shell.run(List.of(scripts.resolve("netns.sh").toString(), "addr", n));
        if (!r.ok()) throw new IllegalStateException("netns.sh addr " + n + ": " + r.output());
        netnsAddresses.put(n, r.output());
      }
    }
  }

  public static List<String> all() {
    List<String> all = new ArrayList<>();
    all.add(VIEW_SERVICE);
    all.addAll(REPLICAS);
    all.addAll(NODES);
    return all;
  }

  public static boolean isReplica(String name) {
    return REPLICAS.contains(name);
  }

  public static boolean isNode(String name) {
    return NODES.contains(name);
  }

  public Network network() {
    return network;
  }

  /** The runner's own address: exempt from every fault. */
  public String observer() {
    return network == Network.NETNS ? netnsAddresses.get("root") : "127.0.0.99";
  }

  /** The address {@code name} listens on and sends from. */
  public String host(String name) {
    if (network == Network.NETNS) {
      String a = netnsAddresses.get(name);
      if (a == null) throw new IllegalArgumentException("unknown process: " + name);
      return a;
    }
    if (name.equals(VIEW_SERVICE)) return "127.0.0.10";
    int i = index(name);
    return isReplica(name) ? "127.0.0." + (10 + i) : "127.0.0." + (20 + i);
  }

  /** What goes before a process's command line: entering its namespace, or nothing. */
  public List<String> launcher(Path scripts, String name) {
    return network == Network.NETNS ? List.of(scripts.resolve("netns.sh").toString(), "exec", name) : List.of();
  }

  public int port(String name) {
    if (name.equals(VIEW_SERVICE)) return basePort;
    return basePort + (isReplica(name) ? 100 : 200) + index(name);
  }

  public String url(String name) {
    return "http://" + host(name) + ":" + port(name);
  }

  /** The process name listening on {@code url}, or null. */
  public String nameOf(String url) {
    for (String n : all()) if (url(n).equals(url)) return n;
    return null;
  }

  private static int index(String name) {
    if (!isReplica(name) && !isNode(name)) throw new IllegalArgumentException("unknown process: " + name);
    return Integer.parseInt(name.substring(1));
  }
}
