package org.paternoster.bench.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * Who runs where. Every process has its own loopback address so that iptables can cut any pair
 * (scripts/partition.sh); the observer, the passenger generator and the fault injector use
 * {@link #OBSERVER} and are exempted from every cut and every loss rule.
 */
public final class Topology {
  public static final String OBSERVER = "127.0.0.99";
  public static final String VIEW_SERVICE = "view-service";
  public static final List<String> REPLICAS = List.of("r1", "r2", "r3");
  public static final List<String> NODES = List.of("e1", "e2", "e3");
  public static final int FLOORS = 4;

  private final int basePort;

  /** Ports: view service {@code base}, replica i {@code base+100+i}, node i {@code base+200+i}. */
  public Topology(int basePort) {
    this.basePort = basePort;
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

  public static String host(String name) {
    if (name.equals(VIEW_SERVICE)) return "127.0.0.10";
    int i = index(name);
    return isReplica(name) ? "127.0.0." + (10 + i) : "127.0.0." + (20 + i);
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
