package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code oneWriterAtATime}: acknowledgements, in the order they arrived, never go back to an older
 * view: once any replica acknowledged in view w, no ack of a view below w arrives more than
 * {@code writerSlackMs} later (the slack: a deposed primary's last answers may still be on their
 * way when its successor's first arrives, and an ack is stamped when its answer arrives). Pure.
 */
public final class OneWriterAtATime implements HistoryProperty {
  private final long writerSlackMs;

  public OneWriterAtATime(long writerSlackMs) {
    this.writerSlackMs = writerSlackMs;
  }

  @Override
  public String name() {
    return "oneWriterAtATime";
  }

  @Override
  public List<Verdict.Violation> check(List<Event> events, long end) {
    List<Verdict.Violation> violations = new ArrayList<>();
    List<Event.Ack> acks = new ArrayList<>();
    Set<Long> reported = new HashSet<>();
    for (Event e : events) {
      if (!(e instanceof Event.Ack a)) continue;
      for (Event.Ack b : acks) {
        if (b.viewnum() > a.viewnum() && a.t() - b.t() > writerSlackMs && reported.add(a.viewnum())) {
          violations.add(new Verdict.Violation(name(), a.replica() + " acknowledged " + a.call() + " in view "
              + a.viewnum() + " at " + HistoryChecker.secs(a.t()) + ", " + (a.t() - b.t()) + " ms after " + b.replica() + " acknowledged "
              + b.call() + " in view " + b.viewnum() + " (at " + HistoryChecker.secs(b.t()) + ")", a.t()));
          break;
        }
      }
      acks.add(a);
    }
    return violations;
  }
}
