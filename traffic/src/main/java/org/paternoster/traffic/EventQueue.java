package org.paternoster.traffic;

import java.util.PriorityQueue;

/**
 * Pending events by time; equal times in the order they were scheduled (a sequence number), so
 * a run never depends on the heap's internals.
 */
final class EventQueue {
  enum Kind { ARRIVAL, TICK, ARRIVE, OPENED, STEP_DONE, CLOSED, START }

  record Event(double at, long seq, Kind kind, int car, long token, Passenger passenger) {}

  private final PriorityQueue<Event> heap = new PriorityQueue<>((x, y) -> {
    int c = Double.compare(x.at, y.at);
    return c != 0 ? c : Long.compare(x.seq, y.seq);
  });
  private long seq;

  void schedule(double at, Kind kind, int car, long token, Passenger passenger) {
    heap.add(new Event(at, seq++, kind, car, token, passenger));
  }

  Event poll() {
    return heap.poll();
  }

  boolean isEmpty() {
    return heap.isEmpty();
  }
}
