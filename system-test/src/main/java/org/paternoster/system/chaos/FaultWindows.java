package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When faults were in force in a chaos history: one window {start, end} per injected fault, paired
 * by fault id, each extended by a grace after its heal (a window never healed lasts forever). The
 * properties that tolerate misbehaviour during faults ask it whether a moment is covered.
 */
final class FaultWindows {
  private final List<long[]> windows;

  private FaultWindows(List<long[]> windows) {
    this.windows = windows;
  }

  /** The fault windows of {@code events}, each lasting {@code graceMs} past its heal. */
  static FaultWindows of(List<Event> events, long graceMs) {
    List<long[]> windows = new ArrayList<>();
    Map<Integer, Long> started = new HashMap<>();
    for (Event e : events) {
      if (e instanceof Event.Fault f) {
        if (f.start()) started.put(f.id(), f.t());
        else if (started.containsKey(f.id())) windows.add(new long[] {started.remove(f.id()), f.t() + graceMs});
      }
    }
    started.values().forEach(s -> windows.add(new long[] {s, Long.MAX_VALUE}));
    return new FaultWindows(windows);
  }

  /** The first time at or after {@code t} that no window covers ({@code Long.MAX_VALUE} if never). */
  long firstUncovered(long t) {
    boolean moved = true;
    while (moved) {
      moved = false;
      for (long[] w : windows) {
        if (w[0] <= t && t <= w[1]) {
          if (w[1] == Long.MAX_VALUE) return Long.MAX_VALUE;
          t = w[1] + 1;
          moved = true;
        }
      }
    }
    return t;
  }

  /** Null when a window covers {@code t}, else when the quiet stretch containing {@code t} began. */
  Long quietSince(long t) {
    long quietFrom = 0;
    for (long[] w : windows) {
      if (w[0] > t) continue;
      if (w[1] >= t) return null;
      quietFrom = Math.max(quietFrom, w[1]);
    }
    return quietFrom;
  }
}
