package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each car stood at a floor with its door open, from a history's {@link Event.Car} events (a
 * node that stops answering closes its door) and the openings nodes logged ({@link Event.DoorLogged},
 * an instant each). What {@link LostCalls} and {@link AckedOrdersKept}
 * count as a service. Pure.
 */
final class Doors {
  private record Door(String node, int floor, long from, long to) {}

  private final List<Door> doors;

  private Doors(List<Door> doors) {
    this.doors = doors;
  }

  /** Door-open intervals per node; a node that stops answering closes its door. */
  static Doors of(List<Event> events, long end) {
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
      } else if (e instanceof Event.DoorLogged d) {
        doors.add(new Door(d.node(), d.floor(), d.t(), d.t()));
      } else if (e instanceof Event.Reachable r && !r.up() && open.containsKey(r.name())) {
        long[] o = open.remove(r.name());
        doors.add(new Door(r.name(), (int) o[0], o[1], r.t()));
      }
    }
    open.forEach((n, o) -> doors.add(new Door(n, (int) o[0], o[1], end)));
    return new Doors(doors);
  }

  /** A car that may serve {@code call} stood at its floor with the door open at some time in [from, to]. */
  boolean openAt(String call, long from, long to) {
    String car = Calls.elevator(call);
    int floor = Calls.floor(call);
    for (Door d : doors) {
      if (d.floor() == floor && (car == null || car.equals(d.node())) && d.from() <= to && d.to() >= from) return true;
    }
    return false;
  }
}
