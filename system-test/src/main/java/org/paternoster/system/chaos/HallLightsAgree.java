package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code hallLightsAgree}: outside faults (from injection to {@code graceAfterHealMs} after the
 * heal), the answering nodes never disagree on a hall lamp for longer than {@code settleMs}. Pure.
 */
public final class HallLightsAgree implements HistoryProperty {
  private final long settleMs;
  private final long graceAfterHealMs;

  public HallLightsAgree(long settleMs, long graceAfterHealMs) {
    this.settleMs = settleMs;
    this.graceAfterHealMs = graceAfterHealMs;
  }

  @Override
  public String name() {
    return "hallLightsAgree";
  }

  @Override
  public List<Verdict.Violation> check(List<Event> events, long end) {
    List<Verdict.Violation> violations = new ArrayList<>();
    FaultWindows faults = FaultWindows.of(events, graceAfterHealMs);
    Map<String, Set<String>> lit = new LinkedHashMap<>(); // node -> lit hall calls
    Set<String> down = new HashSet<>();
    Map<String, Long> disagreeSince = new HashMap<>();
    Set<String> reported = new HashSet<>();
    List<Event> withEnd = new ArrayList<>(events);
    withEnd.add(new Event.Reachable(end, "", true));
    for (Event e : withEnd) {
      long t = e.t();
      if (e instanceof Event.Light l && Calls.isHall(l.call())) {
        Set<String> s = lit.computeIfAbsent(l.node(), k -> new HashSet<>());
        if (l.on()) s.add(l.call()); else s.remove(l.call());
      } else if (e instanceof Event.Car c) {
        lit.computeIfAbsent(c.node(), k -> new HashSet<>());
      } else if (e instanceof Event.Reachable r) {
        if (r.up()) down.remove(r.name()); else down.add(r.name());
      } else {
        continue;
      }
      Set<String> calls = new HashSet<>(disagreeSince.keySet());
      lit.values().forEach(calls::addAll);
      for (String call : calls) {
        int on = 0;
        int off = 0;
        for (Map.Entry<String, Set<String>> n : lit.entrySet()) {
          if (down.contains(n.getKey())) continue;
          if (n.getValue().contains(call)) on++; else off++;
        }
        if (on == 0 || off == 0) {
          disagreeSince.remove(call);
          reported.remove(call);
          continue;
        }
        long from = disagreeSince.computeIfAbsent(call, k -> t);
        Long quietFrom = faults.quietSince(t);
        if (quietFrom == null || reported.contains(call)) continue;
        long stretch = t - Math.max(from, quietFrom);
        if (stretch > settleMs) {
          reported.add(call);
          violations.add(new Verdict.Violation(name(), call + " lit on " + on + " node(s), off on " + off
              + " for " + stretch + " ms with no fault in force (at " + HistoryChecker.secs(t) + ")", t));
        }
      }
    }
    return violations;
  }
}
