package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code viewnumMonotonic}: the view service's view number never decreases, and one number always
 * names the same primary and backup. Pure.
 */
public final class ViewnumMonotonic implements HistoryProperty {
  @Override
  public String name() {
    return "viewnumMonotonic";
  }

  @Override
  public List<Verdict.Violation> check(List<Event> events, long end) {
    List<Verdict.Violation> violations = new ArrayList<>();
    long max = -1;
    Map<Long, String> named = new HashMap<>();
    for (Event e : events) {
      long viewnum;
      String who;
      long t = e.t();
      if (e instanceof Event.ViewSeen v) {
        if (v.viewnum() < max) {
          violations.add(new Verdict.Violation(name(), "view service went from view " + max + " back to "
              + v.viewnum() + " at " + HistoryChecker.secs(t), t));
        }
        max = Math.max(max, v.viewnum());
        viewnum = v.viewnum();
        who = v.primary() + "/" + v.backup();
      } else if (e instanceof Event.ViewEntry v) {
        viewnum = v.viewnum();
        who = v.primary() + "/" + v.backup();
      } else {
        continue;
      }
      String before = named.putIfAbsent(viewnum, who);
      if (before != null && !before.equals(who)) {
        violations.add(new Verdict.Violation(name(), "view " + viewnum + " named " + before + " (primary/backup), later "
            + who + " at " + HistoryChecker.secs(t), t));
        named.put(viewnum, who);
      }
    }
    return violations;
  }
}
