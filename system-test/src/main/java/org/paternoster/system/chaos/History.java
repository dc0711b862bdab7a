package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The run's append-only history; any thread may record. Times are milliseconds since
 * construction, from {@link System#nanoTime()}; {@link #startEpochMs} maps the wall-clock times
 * other processes on this machine log onto it.
 */
public final class History {
  private final long startNanos = System.nanoTime();
  private final long startEpochMs = System.currentTimeMillis();
  private final List<Event> events = new ArrayList<>();

  /** Milliseconds since the run started. */
  public long now() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** The wall clock when the run started: a time logged as epoch ms {@code x} is {@code x - startEpochMs()} here. */
  public long startEpochMs() {
    return startEpochMs;
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
