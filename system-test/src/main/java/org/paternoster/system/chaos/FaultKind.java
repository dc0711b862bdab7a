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
  DUP_REORDER(false, 3000, 8000),
  /**
   * Every replica at once (kill -9 of all three, as when the controllers' power fails), restarted
   * together after the hold from their data dirs. Only with durable books: without them nothing
   * can keep what only the replicas' memories held.
   */
  POWER_LOSS(false, 1000, 4000);

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

  /**
   * Parses {@code kill,pause,...} or {@code all} (every kind the run can take: {@link #POWER_LOSS}
   * only with {@code durableBooks}); IllegalArgumentException names the unknown one, or says why
   * power-loss needs durable books.
   */
  public static List<FaultKind> parse(String csv, boolean durableBooks) {
    List<FaultKind> kinds = new ArrayList<>();
    for (String s : csv.split(",")) {
      String k = s.trim().toLowerCase(Locale.ROOT);
      if (k.isEmpty()) continue;
      if (k.equals("all")) return java.util.Arrays.stream(values()).filter(f -> durableBooks || f != POWER_LOSS).toList();
      if (k.equals("none")) continue;
      FaultKind kind;
      try {
        kind = valueOf(k.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown fault '" + s.trim()
            + "' (known: kill, pause, partition, loss, motor, obstruction, dup-reorder, power-loss, all, none)");
      }
      if (kind == POWER_LOSS && !durableBooks) {
        throw new IllegalArgumentException("power-loss needs --durable-books: without them a power loss of every replica loses what only they held");
      }
      if (!kinds.contains(kind)) kinds.add(kind);
    }
    return kinds;
  }
}
