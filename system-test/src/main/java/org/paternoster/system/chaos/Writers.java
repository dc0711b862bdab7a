package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writer properties of a chaos history ({@link HistoryChecker} lists them):
 * {@code oneWriterAtATime}, {@code oneWriterPerView} and {@code viewnumMonotonic}. Pure.
 */
final class Writers {
  private Writers() {}

  static void check(List<Event> events, long writerSlackMs, List<Verdict.Violation> violations) {
    oneWriterAtATime(events, writerSlackMs, violations);
    oneWriterPerView(events, violations);
    viewnumMonotonic(events, violations);
  }

  /**
   * Writers never go back to an older view: once some replica acknowledged in view w, no ack of a
   * view below w arrives more than {@code writerSlackMs} later (a deposed primary's answers
   * may still be on their way when its successor's first arrives).
   */
  private static void oneWriterAtATime(List<Event> events, long writerSlackMs, List<Verdict.Violation> violations) {
    List<Event.Ack> acks = new ArrayList<>();
    Set<Long> reported = new HashSet<>();
    for (Event e : events) {
      if (!(e instanceof Event.Ack a)) continue;
      for (Event.Ack b : acks) {
        if (b.viewnum() > a.viewnum() && a.t() - b.t() > writerSlackMs && reported.add(a.viewnum())) {
          violations.add(new Verdict.Violation("oneWriterAtATime", a.replica() + " acknowledged " + a.call() + " in view "
              + a.viewnum() + " at " + HistoryChecker.secs(a.t()) + ", " + (a.t() - b.t()) + " ms after " + b.replica() + " acknowledged "
              + b.call() + " in view " + b.viewnum() + " (at " + HistoryChecker.secs(b.t()) + ")", a.t()));
          break;
        }
      }
      acks.add(a);
    }
  }

  private static void oneWriterPerView(List<Event> events, List<Verdict.Violation> violations) {
    Map<Long, String> writer = new HashMap<>();
    Map<String, Long> primaryOf = new HashMap<>(); // replica -> viewnum it claims primary of
    Set<Long> reported = new HashSet<>();
    for (Event e : events) {
      if (e instanceof Event.Ack a) {
        String before = writer.putIfAbsent(a.viewnum(), a.replica());
        if (before != null && !before.equals(a.replica()) && reported.add(a.viewnum())) {
          violations.add(new Verdict.Violation("oneWriterPerView", "view " + a.viewnum() + ": acknowledged by " + before
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
            violations.add(new Verdict.Violation("oneWriterPerView", "view " + o.viewnum() + ": both " + p.getKey() + " and "
                + o.replica() + " claim primary (at " + HistoryChecker.secs(o.t()) + ")", o.t()));
          }
        }
      }
    }
  }

  private static void viewnumMonotonic(List<Event> events, List<Verdict.Violation> violations) {
    long max = -1;
    Map<Long, String> named = new HashMap<>();
    for (Event e : events) {
      long viewnum;
      String who;
      long t = e.t();
      if (e instanceof Event.ViewSeen v) {
        if (v.viewnum() < max) {
          violations.add(new Verdict.Violation("viewnumMonotonic", "view service went from view " + max + " back to "
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
        violations.add(new Verdict.Violation("viewnumMonotonic", "view " + viewnum + " named " + before + " (primary/backup), later "
            + who + " at " + HistoryChecker.secs(t), t));
        named.put(viewnum, who);
      }
    }
  }
}
