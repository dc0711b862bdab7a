package org.paternoster.replica;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.paternoster.view.View;

/**
 * Clients parked at the primary until their operation is committed, indexed by sequence number.
 * Confined to the host's thread. Invariant 1: a waiter is completed only by {@link #commit} (the
 * backup holds its seq and the primary holds a lease) or failed by {@link #failAll} (this replica
 * stopped being primary) or {@link #expire} (the client resends the same id).
 */
final class CommitWaiters {
  private record Parked(long deadline, ReplicaHost.Waiter waiter) {}

  private final TreeMap<Long, List<ReplicaHost.Waiter>> bySeq = new TreeMap<>();
  private final ArrayDeque<Parked> byDeadline = new ArrayDeque<>(); // in park order
  private int size;

  /** Parks {@code waiter} until seq commits or {@code deadline} passes (see {@link #expire}). */
  void park(long seq, ReplicaHost.Waiter waiter, long deadline) {
    bySeq.computeIfAbsent(seq, s -> new ArrayList<>()).add(waiter);
    byDeadline.addLast(new Parked(deadline, waiter));
    size++;
  }

  /**
   * Fails every waiter whose deadline passed. One sweep instead of a timer per request: deadlines
   * are parked in increasing order, so only the head is looked at; waiters already completed simply
   * age out ({@link ReplicaHost.Waiter} ignores a second completion).
   */
  void expire(long now) {
    while (!byDeadline.isEmpty() && byDeadline.peekFirst().deadline() <= now) {
      ReplicaHost.Waiter w = byDeadline.removeFirst().waiter();
      if (w.timedOut()) size--;
    }
  }

  /** Completes every waiter with seq ≤ {@code upToSeq} with the view number it committed in. */
  void commit(long upToSeq, long viewnum) {
    var done = bySeq.headMap(upToSeq, true);
    done.values().forEach(list -> list.forEach(w -> {
      if (w.committed(viewnum)) size--;
    }));
    done.clear();
  }

  /** Fails every waiter: this replica is not the primary of {@code view}. */
  void failAll(View view) {
    bySeq.values().forEach(list -> list.forEach(w -> w.notPrimary(view)));
    bySeq.clear();
    byDeadline.clear();
    size = 0;
  }

  int size() {
    return size;
  }
}
