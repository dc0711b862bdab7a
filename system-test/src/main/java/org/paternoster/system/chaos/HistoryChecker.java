package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks a chaos run's history against every property, one {@link HistoryProperty} class each;
 * pure (no I/O, no clock: times come from the events and {@code end}). {@link FaultWindows} says
 * when a fault was in force. The properties:
 * <ul>
 *   <li>{@code lostCall} ({@link LostCalls}): every stretch a call's lamp was lit on any node contains a service: some
 *       node turns the lamp off after a car that may serve it (any car for a hall call, its own car
 *       for a cab call) stood at the call's floor with its door open during the stretch (from
 *       {@link Config#serviceSlackMs} before it began to as long after the lamp went off) and after
 *       the latest press of it (less {@link LostCalls#PRESS_SLACK_MS}): a panel that hears of a service late
 *       may go dark late, but a passenger who pressed after a door closed needs a door of their own.
 *       A press after the stretch was served, on a panel that shows it lit, starts a new stretch
 *       (a panel already dark promised that passenger nothing until its lamp lights again). A stretch whose lamps all go off
 *       without a service, or that is still lit at {@code end} unserved, is lost. A node that stops
 *       answering keeps its last lamps (and its door counts as closed).</li>
 *   <li>{@code ackedOrderMissing} ({@link AckedOrdersKept}): a call acknowledged by {@code POST /orders} in view v (the
 *       runner's direct orders: the only acks in the history) is listed by every replica claiming
 *       primary in a view &ge; v whenever its {@code GET /orders} is seen after the ack, until a car
 *       has stood at its floor with its door open since the ack (the "served" rule). The observer
 *       records a book only when it changes, so a recorded book counts as seen again at every
 *       later poll until the next change (less {@link AckedOrdersKept#SNAPSHOT_SLACK_MS}) or until the replica
 *       stops answering. A miss is tolerated only while a fault is in force and for
 *       {@link Config#mergeBoundMs} after it healed (a "total loss" primary merges an older
 *       replica's book once the partition heals); at the first moment outside that, the call must
 *       be listed or served. Every view alike: total loss is no exemption.</li>
 *   <li>{@code oneWriterAtATime} ({@link OneWriterAtATime}): acknowledgements, in the order they arrived, never go back to an
 *       older view: once any replica acknowledged in view w, no ack of a view below w arrives more
 *       than {@link Config#writerSlackMs} later (the slack: a deposed primary's last answers may
 *       still be on their way, and an ack is stamped when its answer arrives).</li>
 *   <li>{@code oneWriterPerView} ({@link OneWriterPerView}): no two replicas acknowledge orders in the same view, and no two
 *       replicas are ever seen claiming primary of the same view.</li>
 *   <li>{@code viewnumMonotonic} ({@link ViewnumMonotonic}): the view service's view number never decreases, and one number
 *       always names the same primary and backup.</li>
 *   <li>{@code hallLightsAgree} ({@link HallLightsAgree}): outside faults (from injection to {@link Config#graceAfterHealMs}
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

  private final LostCalls lostCalls;
  private final List<HistoryProperty> others;

  public HistoryChecker(Config config) {
    this.lostCalls = new LostCalls(config.serviceSlackMs());
    this.others = List.of(
        new AckedOrdersKept(config.serviceSlackMs(), config.mergeBoundMs()),
        new OneWriterAtATime(config.writerSlackMs()),
        new OneWriterPerView(),
        new ViewnumMonotonic(),
        new HallLightsAgree(config.settleMs(), config.graceAfterHealMs()));
  }

  /** {@code events} in time order; {@code end} is when observation stopped. */
  public Verdict check(List<Event> events, long end) {
    List<Verdict.Episode> episodes = lostCalls.episodes(events, end);
    int lost = 0;
    int served = 0;
    long worst = 0;
    for (Verdict.Episode e : episodes) {
      if (e.served()) {
        served++;
        worst = Math.max(worst, e.serviceMs());
      } else {
        lost++;
      }
    }
    List<Verdict.Violation> violations = new ArrayList<>(lostCalls.violation(episodes));
    for (HistoryProperty p : others) violations.addAll(p.check(events, end));
    violations.sort(Comparator.comparingLong(Verdict.Violation::t));
    return new Verdict(lost, served, worst / 1000.0, List.copyOf(violations), List.copyOf(episodes));
  }

  static String secs(long ms) {
    return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
