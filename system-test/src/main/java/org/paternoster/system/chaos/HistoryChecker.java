package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a chaos run's history; pure (no I/O, no clock: times come from the events and
 * {@code end}). This class checks the calls ({@code lostCall}, {@code ackedOrderMissing});
 * {@link Writers} and {@link LampAgreement} check the rest, and {@link FaultWindows} says when a
 * fault was in force. The properties:
 * <ul>
 *   <li>{@code lostCall}: every stretch a call's lamp was lit on any node contains a service: some
 *       node turns the lamp off after a car that may serve it (any car for a hall call, its own car
 *       for a cab call) stood at the call's floor with its door open during the stretch (from
 *       {@link Config#serviceSlackMs} before it began to as long after the lamp went off) and after
 *       the latest press of it (less {@link #PRESS_SLACK_MS}): a panel that hears of a service late
 *       may go dark late, but a passenger who pressed after a door closed needs a door of their own.
 *       A press after the stretch was served, on a panel that shows it lit, starts a new stretch
 *       (a panel already dark promised that passenger nothing until its lamp lights again). A stretch whose lamps all go off
 *       without a service, or that is still lit at {@code end} unserved, is lost. A node that stops
 *       answering keeps its last lamps (and its door counts as closed).</li>
 *   <li>{@code ackedOrderMissing}: a call acknowledged by {@code POST /orders} in view v (the
 *       runner's direct orders: the only acks in the history) is listed by every replica claiming
 *       primary in a view &ge; v whenever its {@code GET /orders} is seen after the ack, until a car
 *       has stood at its floor with its door open since the ack (the "served" rule). The observer
 *       records a book only when it changes, so a recorded book counts as seen again at every
 *       later poll until the next change (less {@link #SNAPSHOT_SLACK_MS}) or until the replica
 *       stops answering. A miss is tolerated only while a fault is in force and for
 *       {@link Config#mergeBoundMs} after it healed (a "total loss" primary merges an older
 *       replica's book once the partition heals); at the first moment outside that, the call must
 *       be listed or served. Every view alike: total loss is no exemption.</li>
 *   <li>{@code oneWriterAtATime}: acknowledgements, in the order they arrived, never go back to an
 *       older view: once any replica acknowledged in view w, no ack of a view below w arrives more
 *       than {@link Config#writerSlackMs} later (the slack: a deposed primary's last answers may
 *       still be on their way, and an ack is stamped when its answer arrives).</li>
 *   <li>{@code oneWriterPerView}: no two replicas acknowledge orders in the same view, and no two
 *       replicas are ever seen claiming primary of the same view.</li>
 *   <li>{@code viewnumMonotonic}: the view service's view number never decreases, and one number
 *       always names the same primary and backup.</li>
 *   <li>{@code hallLightsAgree}: outside faults (from injection to {@link Config#graceAfterHealMs}
 *       after the heal), the answering nodes never disagree on a hall lamp for longer than
 *       {@link Config#settleMs}.</li>
 * </ul>
 */
public final class HistoryChecker {
  /** Tolerances, in milliseconds. */
  public record Config(long serviceSlackMs, long settleMs, long graceAfterHealMs, long mergeBoundMs, long writerSlackMs) {
    public static Config defaults() {
      return new Config(1000, 1000, 3000, 5000, 500);
    }
  }

  /**
   * A press is recorded when the simulator's answer arrives; the door may have been seen closing
   * by a poll in between. A door that closed less than this before the recorded press serves it.
   */
  static final long PRESS_SLACK_MS = 250;

  /**
   * A replica's book is recorded when it changes, stamped with the time the poll was sent. The
   * observer polls 50 ms after each answer, gives up on a poll after 500 ms and counts a replica
   * down after two failures, so the last poll showing the old book was sent at most about 1.1 s
   * before the change (or before the down); the old book is taken as seen until this long before.
   */
  static final long SNAPSHOT_SLACK_MS = 1500;

  private record Door(String node, int floor, long from, long to) {}

  private final Config config;

  public HistoryChecker(Config config) {
    this.config = config;
  }

  /** {@code events} in time order; {@code end} is when observation stopped. */
  public Verdict check(List<Event> events, long end) {
    List<Verdict.Violation> violations = new ArrayList<>();
    List<Door> doors = doors(events, end);
    List<Verdict.Episode> episodes = episodes(events, doors);
    int lost = 0;
    int served = 0;
    long worst = 0;
    Verdict.Episode firstLost = null;
    for (Verdict.Episode e : episodes) {
      if (e.served()) {
        served++;
        worst = Math.max(worst, e.serviceMs());
      } else {
        lost++;
        if (firstLost == null) firstLost = e;
      }
    }
    if (firstLost != null) {
      violations.add(new Verdict.Violation("lostCall", lost + " lit call(s) not served; first: " + firstLost.call()
          + " lit at " + secs(firstLost.on()) + ": " + firstLost.why(), firstLost.on()));
    }
    ackedOrders(events, doors, end, violations);
    Writers.check(events, config.writerSlackMs(), violations);
    LampAgreement.check(events, end, config, violations);
    violations.sort(java.util.Comparator.comparingLong(Verdict.Violation::t));
    return new Verdict(lost, served, worst / 1000.0, List.copyOf(violations), List.copyOf(episodes));
  }

  /** Door-open intervals per node; a node that stops answering closes its door. */
  private static List<Door> doors(List<Event> events, long end) {
    List<Door> doors = new ArrayList<>();
    Map<String, long[]> open = new HashMap<>(); // node -> {floor, from}
    for (Event e : events) {
      if (e instanceof Event.Car c) {
        long[] o = open.get(c.node());
        boolean isOpen = "doorOpen".equals(c.behaviour());
        if (o != null && (!isOpen || o[0] != c.floor())) {
          doors.add(new Door(c.node(), (int) o[0], o[1], c.t()));
          open.remove(c.node());
          o = null;
        }
        if (isOpen && o == null) open.put(c.node(), new long[] {c.floor(), c.t()});
      } else if (e instanceof Event.Reachable r && !r.up() && open.containsKey(r.name())) {
        long[] o = open.remove(r.name());
        doors.add(new Door(r.name(), (int) o[0], o[1], r.t()));
      }
    }
    open.forEach((n, o) -> doors.add(new Door(n, (int) o[0], o[1], end)));
    return doors;
  }

  /** A car that may serve {@code call} stood at its floor with the door open at some time in [from, to]. */
  private static boolean doorOpenAt(List<Door> doors, String call, long from, long to) {
    String car = Calls.elevator(call);
    int floor = Calls.floor(call);
    for (Door d : doors) {
      if (d.floor() == floor && (car == null || car.equals(d.node())) && d.from() <= to && d.to() >= from) return true;
    }
    return false;
  }

  /**
   * Lit stretches per call. A lamp turning off on some node while a car that may serve the call is
   * at its floor with its door open is a service; the first one serves the stretch. A lamp turning
   * on after the stretch was served (a new press while other panels still show the old one) starts
   * a new stretch that needs its own service.
   */
  private List<Verdict.Episode> episodes(List<Event> events, List<Door> doors) {
    Map<String, Set<String>> litOn = new HashMap<>(); // call -> nodes showing it lit
    Map<String, Long> since = new HashMap<>();        // call -> stretch start
    Map<String, Long> servedAt = new HashMap<>();     // call -> first service in the stretch
    Map<String, Long> firstOff = new HashMap<>();     // call -> first lamp off in the stretch
    Map<String, Long> demand = new HashMap<>();       // call -> latest press (or order posted directly)
    List<Verdict.Episode> out = new ArrayList<>();
    for (Event e : events) {
      String pressed = e instanceof Event.Press p ? p.call() : e instanceof Event.Ack a ? a.call() : null;
      if (pressed != null) {
        demand.put(pressed, e.t());
        // A press is promised service by the lamp the passenger sees: the pressing panel's (a direct
        // order's acknowledgement, any panel's). A press on a panel already dark — its car served
        // the call — while other panels still show it (they hear of the service late) is promised
        // nothing until its own lamp lights, which starts a stretch of its own (chaos seed 3083).
        Set<String> lit = litOn.getOrDefault(pressed, Set.of());
        boolean promised = e instanceof Event.Press p ? lit.contains(p.node()) : !lit.isEmpty();
        if (promised && servedAt.containsKey(pressed)) {
          // pressed after the stretch was served: this passenger needs a service of their own
          out.add(new Verdict.Episode(pressed, since.get(pressed), e.t(), true, servedAt.remove(pressed), "served"));
          since.put(pressed, e.t());
          firstOff.remove(pressed);
        }
        continue;
      }
      if (!(e instanceof Event.Light l)) continue;
      String call = l.call();
      Set<String> nodes = litOn.computeIfAbsent(call, k -> new HashSet<>());
      if (l.on()) {
        if (!nodes.isEmpty() && servedAt.containsKey(call) && !nodes.contains(l.node())) {
          out.add(new Verdict.Episode(call, since.get(call), l.t(), true, servedAt.remove(call), "served"));
          since.put(call, l.t());
          firstOff.remove(call);
        }
        if (nodes.isEmpty()) {
          since.put(call, l.t());
          servedAt.remove(call);
          firstOff.remove(call);
        }
        nodes.add(l.node());
      } else if (nodes.remove(l.node())) {
        firstOff.putIfAbsent(call, l.t());
        long from = Math.max(since.get(call) - config.serviceSlackMs(), demand.getOrDefault(call, Long.MIN_VALUE / 2) - PRESS_SLACK_MS);
        if (!servedAt.containsKey(call) && doorOpenAt(doors, call, from, l.t() + config.serviceSlackMs())) {
          servedAt.put(call, l.t());
        }
        if (nodes.isEmpty()) {
          Long served = servedAt.remove(call);
          long off = firstOff.remove(call);
          out.add(new Verdict.Episode(call, since.remove(call), l.t(), served != null, served, served != null ? "served"
              : "lamps went off (first at " + secs(off) + ", last at " + secs(l.t()) + ") with no car at floor "
              + Calls.floor(call) + " with its door open"));
        }
      }
    }
    since.forEach((call, on) -> out.add(servedAt.containsKey(call)
        ? new Verdict.Episode(call, on, null, false, null, "served at " + secs(servedAt.get(call)) + ", but a lamp was still lit at the end")
        : new Verdict.Episode(call, on, null, false, null, "still lit at the end")));
    out.sort(java.util.Comparator.comparingLong(Verdict.Episode::on));
    return out;
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
   * served. A miss is tolerated while a fault is in force and for {@link Config#mergeBoundMs}
   * after it healed (a total-loss primary merges an older replica's book once the partition heals),
   * in every view alike. The first untolerated moment a primary was seen without the call decides:
   * served by then (a door at its floor since the ack), or missing.
   */
  private void ackedOrders(List<Event> events, List<Door> doors, long end, List<Verdict.Violation> violations) {
    FaultWindows tolerated = FaultWindows.of(events, config.mergeBoundMs());
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
      if (doorOpenAt(doors, a.call(), a.t() - config.serviceSlackMs(), firstAt + config.serviceSlackMs())) continue; // served
      Event.Orders s = first.orders();
      String when = first.sent() && firstAt == first.from() ? "at " + secs(firstAt)
          : "at " + secs(firstAt) + " (its book as of " + secs(first.from()) + ", unchanged)";
      violations.add(new Verdict.Violation("ackedOrderMissing", a.call() + " acknowledged by " + a.replica() + " in view "
          + a.viewnum() + " (seq " + a.seq() + ") at " + secs(a.t()) + " is missing from " + s.replica() + ", primary of view "
          + s.viewnum() + ", " + when + " with no fault in force for " + config.mergeBoundMs() + " ms", firstAt));
    }
  }

  static String secs(long ms) {
    return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
