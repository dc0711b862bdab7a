package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code oneWriterPerView}: no two replicas acknowledge orders in the same view, and no two
 * replicas are ever seen claiming primary of the same view. Pure.
 */
public final class OneWriterPerView implements HistoryProperty {
  @Override
  public String name() {
    return "oneWriterPerView";
  }

  @Override
  public List<Verdict.Violation> check(List<Event> events, long end) {
    List<Verdict.Violation> violations = new ArrayList<>();
    Map<Long, String> writer = new HashMap<>();
    Map<String, Long> primaryOf = new HashMap<>(); // replica -> viewnum it claims primary of
    Set<Long> reported = new HashSet<>();
    for (Event e : events) {
      if (e instanceof Event.Ack a) {
        String before = writer.putIfAbsent(a.viewnum(), a.replica());
        if (before != null && !before.equals(a.replica()) && reported.add(a.viewnum())) {
          violations.add(new Verdict.Violation(name(), "view " + a.viewnum() + ": acknowledged by " + before
              + " and by " + a.replica() + " (at " + HistoryChecker.secs(a.t()) + ")", a.t()));
        }
      } else if (e instanceof Event.Reachable r && !r.up()) {
        primaryOf.remove(r.name());
      } else if (e instanceof Event.Orders o) {
        if (!"primary".equals(o.role())) {
          primaryOf.remove(o.replica());
          continue;
        }
        primaryOf.put(o.replica(), o.viewnum());
        for (Map.Entry<String, Long> p : primaryOf.entrySet()) {
          if (!p.getKey().equals(o.replica()) && p.getValue() == o.viewnum() && reported.add(o.viewnum())) {
            violations.add(new Verdict.Violation(name(), "view " + o.viewnum() + ": both " + p.getKey() + " and "
                + o.replica() + " claim primary (at " + HistoryChecker.secs(o.t()) + ")", o.t()));
          }
        }
      }
    }
    return violations;
  }
}
