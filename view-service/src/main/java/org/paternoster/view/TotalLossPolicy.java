package org.paternoster.view;

import java.util.Locale;

/**
 * What the view service does when the primary is lost and no backup can take over (the CAP
 * choice, {@code --on-total-loss}).
 */
public enum TotalLossPolicy {
  /**
   * Consistency: never appoint a server that holds no state of the last acknowledged view; wait
   * until its primary or backup returns, as the same process incarnation or as a new one that
   * recovered that incarnation's durable book and has not changed it since (invariant 9; replicas
   * with {@code --data-dir}). Orders stop meanwhile.
   */
  WAIT,
  /**
   * Availability (the elevator default): after {@link PingTiming#totalLossAfterMs()} and once every
   * lease has expired, start a new lineage with any live server. Its book is rebuilt from the
   * elevators' panels and from every older book that comes back (merged, never overwritten), so
   * nothing acknowledged is forgotten while one copy survives.
   */
  REBUILD;

  public static TotalLossPolicy parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--on-total-loss must be wait or rebuild, not '" + s + "'");
    }
  }
}
