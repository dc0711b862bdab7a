package org.paternoster.system.chaos;

import java.util.List;

/**
 * One property of a recorded history ({@link HistoryChecker} lists them, one class each). Pure: no
 * I/O and no clock; times come from the events and {@code end}. A property may be checked on its
 * own, as the end-to-end tests do with their recorder's history.
 */
public interface HistoryProperty {
  /** Its name in {@link Verdict.Violation#property()}. */
  String name();

  /** The violations in {@code events} (time order; observation stopped at {@code end}), in time order. */
  List<Verdict.Violation> check(List<Event> events, long end);
}
