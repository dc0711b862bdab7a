package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The faults the scheduler can inject; {@link #network} ones need iptables (root). */
public enum FaultKind {
  KILL(false, 1000, 4000),
  PAUSE(false, 1000, 4000),
  PARTITION(true, 2000, 5000),
  LOSS(true, 3000, 6000),
  MOTOR(false, 2000, 6000),
  OBSTRUCTION(false, 1000, 4000),
  /** Messages to one process duplicated and held up, so they arrive twice and out of order (its POST /chaos/messages). */
  DUP_REORDER(false, 3000, 8000);

  public final boolean network;
  /** How long the fault is held before it is healed, in wall milliseconds. */
  public final int minHoldMs;
  public final int maxHoldMs;

  FaultKind(boolean network, int minHoldMs, int maxHoldMs) {
    this.network = network;
    this.minHoldMs = minHoldMs;
    this.maxHoldMs = maxHoldMs;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@code kill,pause,...} or {@code all}; IllegalArgumentException names the unknown one. */
  public static List<FaultKind> parse(String csv) {
    List<FaultKind> kinds = new ArrayList<>();
    for (String s : csv.split(",")) {
      String k = s.trim().toLowerCase(Locale.ROOT);
      if (k.isEmpty()) continue;
      if (k.equals("all")) return List.of(values());
      if (k.equals("none")) continue;
      try {
        FaultKind kind = valueOf(k.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (!kinds.contains(kind)) kinds.add(kind);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown fault '" + s.trim() + "' (known: kill, pause, partition, loss, motor, obstruction, dup-reorder, all, none)");
      }
    }
    return kinds;
  }
}
