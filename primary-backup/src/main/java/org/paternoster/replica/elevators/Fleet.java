package org.paternoster.replica.elevators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.paternoster.assign.ElevatorState;

/**
 * The cars the primary currently hears from, with the time of each one's last report. A car
 * silent for {@code silenceMs} (or whose link closed) counts as unavailable: its hall calls go to
 * others at once, its cab calls stay its own. Soft state, owned by one event loop.
 */
public final class Fleet {
  /** One car as last heard. */
  public record Member(ElevatorReport report, long lastHeardAt, boolean connected) {
    public boolean availableAt(long now, long silenceMs) {
      return connected && report.available() && report.floor() != null && now - lastHeardAt < silenceMs;
    }
  }

  private final long silenceMs;
  private final Map<String, Member> members = new TreeMap<>();

  public Fleet(long silenceMs) {
    this.silenceMs = silenceMs;
  }

  /** Records a report; true when anything the assigner sees changed. */
  public boolean heard(ElevatorReport report, long now) {
    Member before = members.put(report.id(), new Member(report, now, true));
    return before == null || !before.connected() || !sameForAssignment(before.report(), report)
        || !before.availableAt(now, silenceMs);
  }

  /** The car's link closed; true when it was connected. */
  public boolean disconnected(String id) {
    Member m = members.get(id);
    if (m == null || !m.connected()) return false;
    members.put(id, new Member(m.report(), m.lastHeardAt(), false));
    return true;
  }

  /** True when some car fell silent since the last call (so hall calls must move). */
  public boolean expire(long now, long previousCheck) {
    for (Member m : members.values()) {
      long deadline = m.lastHeardAt() + silenceMs;
      if (m.connected() && deadline > previousCheck && deadline <= now) return true;
    }
    return false;
  }

  public Collection<Member> members() {
    return members.values();
  }

  public long silenceMs() {
    return silenceMs;
  }

  /** The assigner's view of every car with a known floor; cab requests from the order book. */
  public List<ElevatorState> states(long now, Map<String, boolean[]> cabRequests, int floors) {
    List<ElevatorState> states = new ArrayList<>();
    for (Member m : members.values()) {
      ElevatorReport r = m.report();
      if (r.floor() == null) continue;
      boolean[] cab = cabRequests.getOrDefault(r.id(), new boolean[floors]);
      states.add(new ElevatorState(r.id(), r.floor(), r.behaviour(), r.direction(), cab, m.availableAt(now, silenceMs)));
    }
    return states;
  }

  private static boolean sameForAssignment(ElevatorReport a, ElevatorReport b) {
    return java.util.Objects.equals(a.floor(), b.floor()) && a.behaviour() == b.behaviour()
        && a.direction() == b.direction() && a.available() == b.available();
  }
}
