package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The failovers of a run, from the view service's history ({@link Event.ViewEntry}): every view
 * that replaced its primary. {@code failoverMs} is the view service's own figure (from the old
 * primary's last ping to the new view); {@code observedMs} is the observer's, from the start of
 * the latest fault on the old primary (or on the view service) that was in force until at most 1 s before the first
 * {@code GET /view} showing the new view, to that moment; null when no fault explains the
 * failover (a false failover: the old primary was only slow). Pure.
 */
public final class Failovers {
  public record Failover(long viewnum, String from, String to, String reason, Long failoverMs, Long observedMs, long t) {}

  private Failovers() {}

  public static List<Failover> of(List<Event> events) {
    List<Event.ViewEntry> entries = new ArrayList<>();
    Map<Long, Long> seenAt = new HashMap<>();
    List<Event.Fault> faults = new ArrayList<>();
    Map<Integer, Long> healedAt = new HashMap<>();
    for (Event e : events) {
      if (e instanceof Event.ViewEntry v) entries.add(v);
      if (e instanceof Event.ViewSeen v) seenAt.putIfAbsent(v.viewnum(), v.t());
      if (e instanceof Event.Fault f && f.start()) faults.add(f);
      if (e instanceof Event.Fault f && !f.start()) healedAt.put(f.id(), f.t());
    }
    entries.sort(Comparator.comparingLong(Event.ViewEntry::viewnum));
    List<Failover> out = new ArrayList<>();
    for (int i = 1; i < entries.size(); i++) {
      Event.ViewEntry prev = entries.get(i - 1);
      Event.ViewEntry v = entries.get(i);
      if (prev.primary() == null || prev.primary().equals(v.primary())) continue;
      long t = seenAt.getOrDefault(v.viewnum(), v.t());
      Long observed = null;
      for (Event.Fault f : faults) {
        boolean inForce = f.t() <= t && healedAt.getOrDefault(f.id(), Long.MAX_VALUE) + 1000 >= t;
        // A fault on the view service (held-up pings, a pause) explains a failover as well as one on the primary.
        boolean explains = f.targets().contains(prev.primary()) || f.targets().contains(Topology.VIEW_SERVICE);
        if (explains && inForce) observed = t - f.t();
      }
      out.add(new Failover(v.viewnum(), prev.primary(), v.primary(), v.reason(), v.failoverMs(), observed, t));
    }
    return out;
  }
}
