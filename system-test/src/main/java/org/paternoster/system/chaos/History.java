package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The run's append-only history; any thread may record. Times are milliseconds since
 * construction, from {@link System#nanoTime()}.
 */
public final class History {
  private final long startNanos = System.nanoTime();
  private final List<Event> events = new ArrayList<>();

  /** Milliseconds since the run started. */
  public long now() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  public synchronized void add(Event e) {
    events.add(e);
  }

  /** A copy, in time order (stable for equal times). */
  public synchronized List<Event> events() {
    List<Event> copy = new ArrayList<>(events);
    copy.sort(Comparator.comparingLong(Event::t));
    return copy;
  }
}
