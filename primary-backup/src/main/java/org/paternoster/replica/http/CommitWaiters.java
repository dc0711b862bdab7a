package org.paternoster.replica.http;

import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Clients parked at the primary until their operation is committed, indexed by sequence number.
 * Event-loop confined. Invariant 1: a waiter is completed only by {@link #commit} (the backup
 * holds its seq) or failed by {@link #failAll} (this replica stopped being primary).
 */
final class CommitWaiters {
  private final TreeMap<Long, List<Promise<Long>>> bySeq = new TreeMap<>();
  private final java.util.ArrayDeque<Object[]> byDeadline = new java.util.ArrayDeque<>(); // {deadline, promise}, in park order

  /** Parks {@code promise} until seq commits or {@code deadline} passes (see {@link #expire}). */
  void park(long seq, Promise<Long> promise, long deadline) {
    bySeq.computeIfAbsent(seq, s -> new ArrayList<>()).add(promise);
    byDeadline.addLast(new Object[] {deadline, promise});
  }

  /**
   * Fails every waiter whose deadline passed (the client resends the same id). One sweep instead
   * of a timer per request: deadlines are parked in increasing order, so only the head is looked at;
   * entries already committed simply age out (failing a completed promise does nothing).
   */
  @SuppressWarnings("unchecked")
  void expire(long now, String why) {
    while (!byDeadline.isEmpty() && (long) byDeadline.peekFirst()[0] <= now) {
      ((Promise<Long>) byDeadline.removeFirst()[1]).tryFail(why);
    }
  }

  /** Completes every waiter with seq ≤ {@code upToSeq} with the view number it committed in. */
  void commit(long upToSeq, long viewnum) {
    var done = bySeq.headMap(upToSeq, true);
    done.values().forEach(list -> list.forEach(p -> p.tryComplete(viewnum)));
    done.clear();
  }

  void failAll(Consumer<Promise<Long>> failure) {
    bySeq.values().forEach(list -> list.forEach(failure));
    bySeq.clear();
    byDeadline.clear();
  }

  int size() {
    return bySeq.values().stream().mapToInt(List::size).sum();
  }
}
