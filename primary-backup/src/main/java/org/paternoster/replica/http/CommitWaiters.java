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

  void park(long seq, Promise<Long> promise) {
    bySeq.computeIfAbsent(seq, s -> new ArrayList<>()).add(promise);
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
  }

  int size() {
    return bySeq.values().stream().mapToInt(List::size).sum();
  }
}
