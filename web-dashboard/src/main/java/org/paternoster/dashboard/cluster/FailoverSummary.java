package org.paternoster.dashboard.cluster;

import java.util.List;
import org.paternoster.view.ViewChange;

/**
 * The failovers of the whole view history: how many, and how long the last and the slowest took
 * from the lost primary's last ping to the new view.
 */
public record FailoverSummary(int count, Long lastMs, Long maxMs) {
  public static final FailoverSummary NONE = new FailoverSummary(0, null, null);

  /** Every history entry with a failover duration is a failover. */
  public static FailoverSummary of(List<ViewChange> history) {
    int count = 0;
    Long last = null;
    Long max = null;
    for (ViewChange change : history) {
      Long ms = change.failoverMs();
      if (ms == null) continue;
      count++;
      last = ms;
      max = max == null ? ms : Math.max(max, ms);
    }
    return new FailoverSummary(count, last, max);
  }
}
