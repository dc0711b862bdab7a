package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ackedOrderMissing}: a call acknowledged by {@code POST /orders} in view v (the runner's
 * direct orders: the only acks in the history) is listed by every replica claiming primary in a
 * view &ge; v whenever its {@code GET /orders} is seen after the ack, until a car has stood at its
 * floor with its door open since the ack (the "served" rule). The observer records a book only when
 * it changes, so a recorded book counts as seen again at every later poll until the next change
 * (less {@link #SNAPSHOT_SLACK_MS}) or until the replica stops answering. A miss is tolerated only
 * while a fault is in force and for {@code mergeBoundMs} after it healed (a "total loss" primary
 * merges an older replica's book once the partition heals); at the first moment outside that, the
 * call must be listed or served. Every view alike: total loss is no exemption.
 */
public final class AckedOrdersKept implements HistoryProperty {
  /**
   * A replica's book is recorded when it changes, stamped with the time the poll was sent. The
   * observer polls 50 ms after each answer, gives up on a poll after 500 ms and counts a replica
   * down after two failures, so the last poll showing the old book was sent at most about 1.1 s
   * before the change (or before the down); the old book is taken as seen until this long before.
   */
  static final long SNAPSHOT_SLACK_MS = 1500;

  private final long serviceSlackMs;
  private final long mergeBoundMs;

  public AckedOrdersKept(long serviceSlackMs, long mergeBoundMs) {
    this.serviceSlackMs = serviceSlackMs;
    this.mergeBoundMs = mergeBoundMs;
  }

  @Override
  public String name() {
    return "ackedOrderMissing";
  }

  /**
   * What one replica's {@code GET /orders} showed from {@code from} until {@code until}: the
   * observer records changes only, so a recorded answer stands for every later poll of that
   * replica until the next change or until it stops answering (and again from when it answers
   * again, if it answers the same). {@code sent}: {@code from} is when the recorded request was
   * sent (not when a replica that had stopped answering answered again).
   */
  private record Stretch(Event.Orders orders, long from, long until, boolean sent) {}

  private static List<Stretch> stretches(List<Event> events, long end) {
    List<Stretch> out = new ArrayList<>();
    Map<String, Event.Orders> last = new HashMap<>();
    Map<String, Stretch> open = new HashMap<>(); // replica -> the stretch being observed (until unknown yet)
    for (Event e : events) {
      if (e instanceof Event.Orders o) {
        Stretch s = open.put(o.replica(), new Stretch(o, o.t(), end, true));
        if (s != null) out.add(new Stretch(s.orders(), s.from(), o.t(), s.sent()));
        last.put(o.replica(), o);
      } else if (e instanceof Event.Reachable r && last.containsKey(r.name())) {
        if (!r.up()) {
          Stretch s = open.remove(r.name());
          if (s != null) out.add(new Stretch(s.orders(), s.from(), r.t(), s.sent()));
        } else if (!open.containsKey(r.name())) {
          // answering again: with what it showed last, unless an Orders says otherwise
          open.put(r.name(), new Stretch(last.get(r.name()), r.t(), end, false));
        }
      }
    }
    out.addAll(open.values());
    out.sort(java.util.Comparator.comparingLong(Stretch::from));
    return out;
  }

  /**
   * Every acknowledged call is in every later primary's book of a view at least the ack's, until
   * served. A miss is tolerated while a fault is in force and for {@code mergeBoundMs}
   * after it healed (a total-loss primary merges an older replica's book once the partition heals),
   * in every view alike. The first untolerated moment a primary was seen without the call decides:
   * served by then (a door at its floor since the ack), or missing.
   */
  @Override
  public List<Verdict.Violation> check(List<Event> events, long end) {
    List<Verdict.Violation> violations = new ArrayList<>();
    Doors doors = Doors.of(events, end);
    FaultWindows tolerated = FaultWindows.of(events, mergeBoundMs);
    List<Stretch> stretches = new ArrayList<>();
    for (Stretch s : stretches(events, end)) if ("primary".equals(s.orders().role())) stretches.add(s);
    for (Event e : events) {
      if (!(e instanceof Event.Ack a)) continue;
      Stretch first = null;
      long firstAt = Long.MAX_VALUE;
      for (Stretch s : stretches) {
        if (s.until() <= a.t() || s.orders().viewnum() < a.viewnum() || s.orders().calls().contains(a.call())) continue;
        // seen missing at s.from (a request sent after the ack) and at the polls until the change
        long at = tolerated.firstUncovered(Math.max(s.from(), a.t() + 1));
        boolean seen = (s.sent() && at == s.from()) || at <= s.until() - SNAPSHOT_SLACK_MS;
        if (seen && at < firstAt) {
          first = s;
          firstAt = at;
        }
      }
      if (first == null) continue;
      if (doors.openAt(a.call(), a.t() - serviceSlackMs, firstAt + serviceSlackMs)) continue; // served
      Event.Orders s = first.orders();
      String when = first.sent() && firstAt == first.from() ? "at " + HistoryChecker.secs(firstAt)
          : "at " + HistoryChecker.secs(firstAt) + " (its book as of " + HistoryChecker.secs(first.from()) + ", unchanged)";
      violations.add(new Verdict.Violation(name(), a.call() + " acknowledged by " + a.replica() + " in view "
          + a.viewnum() + " (seq " + a.seq() + ") at " + HistoryChecker.secs(a.t()) + " is missing from " + s.replica() + ", primary of view "
          + s.viewnum() + ", " + when + " with no fault in force for " + mergeBoundMs + " ms", firstAt));
    }
    return violations;
  }
}
