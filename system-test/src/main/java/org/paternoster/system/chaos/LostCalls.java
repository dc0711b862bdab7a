package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lostCall}: every stretch a call's lamp was lit on any node contains a service: some node
 * turns the lamp off after a car that may serve it (any car for a hall call, its own car for a cab
 * call) stood at the call's floor with its door open during the stretch (from {@code
 * serviceSlackMs} before it began to as long after the lamp went off) and after the latest press of
 * it (less {@link #PRESS_SLACK_MS}): a panel that hears of a service late may go dark late, but a
 * passenger who pressed after a door closed needs a door of their own. A press after the stretch
 * was served, on a panel that shows it lit, starts a new stretch (a panel already dark promised
 * that passenger nothing until its lamp lights again). A stretch whose lamps all go off without a
 * service, or that is still lit at {@code end} unserved, is lost. A node that stops answering keeps
 * its last lamps (and its door counts as closed).
 *
 * <p>A lamp first seen lit in the first poll after a node was unreachable may have lit at any moment
 * of that silence, back to the node's last observed change ({@link #STALE_POLL_MS}): a stopped
 * process's panel shows what it showed when it stopped. If a served stretch of that call was lit
 * during that time, with no press of it since, the lamp is that stretch's, re-opened (chaos seed
 * 7187: e2 lit hall:2:down at the moment it was SIGSTOPped, before any poll saw it; the call was
 * served while it was stopped, and e2 showed the old lamp for 52 ms after waking).
 */
public final class LostCalls implements HistoryProperty {
  /**
   * A press is recorded when the simulator's answer arrives; the door may have been seen closing
   * by a poll in between. A door that closed less than this before the recorded press serves it.
   */
  static final long PRESS_SLACK_MS = 250;
  /** Events of a node at most this long after it is reachable again belong to that first poll. */
  static final long STALE_POLL_MS = 5;

  private final long serviceSlackMs;

  public LostCalls(long serviceSlackMs) {
    this.serviceSlackMs = serviceSlackMs;
  }

  @Override
  public String name() {
    return "lostCall";
  }

  /** One violation for all lost stretches, naming the first. */
  @Override
  public List<Verdict.Violation> check(List<Event> events, long end) {
    return violation(episodes(events, end));
  }

  /** The violation for these {@link #episodes}, if any was lost. */
  List<Verdict.Violation> violation(List<Verdict.Episode> episodes) {
    int lost = 0;
    Verdict.Episode firstLost = null;
    for (Verdict.Episode e : episodes) {
      if (e.served()) continue;
      lost++;
      if (firstLost == null) firstLost = e;
    }
    if (firstLost == null) return List.of();
    return List.of(new Verdict.Violation(name(), lost + " lit call(s) not served; first: " + firstLost.call()
        + " lit at " + HistoryChecker.secs(firstLost.on()) + ": " + firstLost.why(), firstLost.on()));
  }

  /**
   * Lit stretches per call. A lamp turning off on some node while a car that may serve the call is
   * at its floor with its door open is a service; the first one serves the stretch. A lamp turning
   * on after the stretch was served (a new press while other panels still show the old one) starts
   * a new stretch that needs its own service.
   */
  List<Verdict.Episode> episodes(List<Event> events, long end) {
    Doors doors = Doors.of(events, end);
    Map<String, Set<String>> litOn = new HashMap<>(); // call -> nodes showing it lit
    Map<String, Long> since = new HashMap<>();        // call -> stretch start
    Map<String, Long> servedAt = new HashMap<>();     // call -> first service in the stretch
    Map<String, Long> firstOff = new HashMap<>();     // call -> first lamp off in the stretch
    Map<String, Long> demand = new HashMap<>();       // call -> latest press (or order posted directly)
    Map<String, Long> heard = new HashMap<>();        // node -> its latest observed change
    Map<String, Long> silentFrom = new HashMap<>();   // node -> its latest observed change before its current or last silence
    Map<String, Long> backAt = new HashMap<>();       // node -> when it was last reachable again
    List<Verdict.Episode> out = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof Event.Reachable r) {
        if (!r.up()) silentFrom.put(r.name(), heard.getOrDefault(r.name(), r.t()));
        else if (silentFrom.containsKey(r.name())) backAt.put(r.name(), r.t());
        continue;
      }
      if (e instanceof Event.Car c) heard.put(c.node(), c.t());
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
      Long back = backAt.get(l.node());
      boolean firstPollBack = back != null && l.t() - back <= STALE_POLL_MS;
      heard.put(l.node(), l.t());
      if (l.on() && nodes.isEmpty() && firstPollBack) {
        Verdict.Episode earlier = servedStretchLitSince(out, call, silentFrom.get(l.node()), demand.get(call));
        if (earlier != null) { // the stopped panel's old lamp: that stretch again, already served
          out.remove(earlier);
          since.put(call, earlier.on());
          servedAt.put(call, earlier.servedAt());
          firstOff.remove(call);
          nodes.add(l.node());
          continue;
        }
      }
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
        long from = Math.max(since.get(call) - serviceSlackMs, demand.getOrDefault(call, Long.MIN_VALUE / 2) - PRESS_SLACK_MS);
        if (!servedAt.containsKey(call) && doors.openAt(call, from, l.t() + serviceSlackMs)) {
          servedAt.put(call, l.t());
        }
        if (nodes.isEmpty()) {
          Long served = servedAt.remove(call);
          long off = firstOff.remove(call);
          out.add(new Verdict.Episode(call, since.remove(call), l.t(), served != null, served, served != null ? "served"
              : "lamps went off (first at " + HistoryChecker.secs(off) + ", last at " + HistoryChecker.secs(l.t()) + ") with no car at floor "
              + Calls.floor(call) + " with its door open"));
        }
      }
    }
    since.forEach((call, on) -> out.add(servedAt.containsKey(call)
        ? new Verdict.Episode(call, on, null, false, null, "served at " + HistoryChecker.secs(servedAt.get(call)) + ", but a lamp was still lit at the end")
        : new Verdict.Episode(call, on, null, false, null, "still lit at the end")));
    out.sort(java.util.Comparator.comparingLong(Verdict.Episode::on));
    return out;
  }

  /**
   * The latest served stretch of {@code call} still lit at or after {@code silentFrom} (so a lamp a
   * node showed then may be its), unless the call was pressed after it went dark; else null.
   */
  private static Verdict.Episode servedStretchLitSince(List<Verdict.Episode> out, String call, Long silentFrom, Long lastDemand) {
    if (silentFrom == null) return null;
    for (int i = out.size() - 1; i >= 0; i--) {
      Verdict.Episode ep = out.get(i);
      if (!ep.call().equals(call)) continue;
      boolean pressedSince = lastDemand != null && ep.off() != null && lastDemand > ep.off();
      return ep.served() && ep.off() != null && ep.off() >= silentFrom && !pressedSince ? ep : null;
    }
    return null;
  }
}
