package org.paternoster.orders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The building's pending calls: a deterministic, idempotent state machine over {@link Sequenced}
 * operations. Two books that applied the same sequence are equal, whatever else happened.
 *
 * <p>Invariant 6: every request id is applied at most once (the receipt table remembers the last
 * {@link #RECEIPTS_KEPT} ids, evicted in sequence order, so eviction is the same on every replica);
 * a press of a pending call renews it (the press's seq becomes the call's incarnation, so a
 * "served" reported by a car that opened its door before this press reached the primary leaves
 * the call pending); "served" removes only the incarnation it names.
 *
 * <p>Invariant 8: sequence numbers, which are also the calls' incarnations, are unique across
 * lineages: a lineage started in view v numbers from {@code v × SEQ_BLOCK}, and views are unique
 * and grow. So a "served" of an old incarnation can never remove a new call, and a served
 * incarnation (kept as a tombstone) is never merged back by {@link Op.Restore}.
 *
 * <p>Not thread-safe: owned by one replica's event loop.
 */
public final class OrderBook {
  /**
   * How many request ids are remembered for deduplication. A client resends a request only until
   * it hears "committed", and at most one request per client is outstanding, so what a retry can
   * ask for is among the last few ops; the table travels in every state transfer, which sits on
   * the failover path (4,096 receipts made a 190 KB transfer that took 170–310 ms to install on a
   * freshly started backup). Forgetting an old id is safe: a press of a pending call joins it, a
   * press of a served call lights it again (a real press would too), and a stale "served" names an
   * old callSeq and removes nothing.
   */
  public static final int RECEIPTS_KEPT = 256;
  /**
   * How many served incarnations are remembered. Forgetting one is safe in the direction that
   * matters: a very old book merged back may relight a call served long ago (a car comes once
   * more); nothing pending is ever dropped.
   */
  public static final int TOMBSTONES_KEPT = 4_096;
  /** Sequence numbers per lineage: a lineage started in view v numbers from {@code v × SEQ_BLOCK}. */
  public static final long SEQ_BLOCK = 1_000_000_000_000L;

  private final Map<Call, PendingCall> pending = new LinkedHashMap<>();
  private final LinkedHashMap<String, Receipt> receipts =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Receipt> eldest) {
          return size() > RECEIPTS_KEPT;
        }
      };
  private final java.util.LinkedHashSet<Tombstone> served = new java.util.LinkedHashSet<>();
  private long lastSeq;
  private final String generation;

  /** An empty book of a new lineage (see {@link Snapshot#generation()}); null for "none yet". */
  public OrderBook(String generation) {
    this.generation = generation;
  }

  public OrderBook() {
    this(null);
  }

  public static OrderBook of(Snapshot snapshot) {
    OrderBook book = new OrderBook(snapshot.generation());
    book.lastSeq = snapshot.lastSeq();
    snapshot.pending().forEach(p -> book.pending.put(p.call(), p));
    snapshot.receipts().forEach(r -> book.receipts.put(r.requestId(), r));
    book.served.addAll(snapshot.served());
    return book;
  }

  /**
   * This book as the start of a new lineage {@code generation} begun in view {@code viewnum}: the
   * same calls, receipts and tombstones, numbered from {@code viewnum × SEQ_BLOCK} on (invariant 8).
   */
  public OrderBook newLineage(String generation, long viewnum) {
    Snapshot s = snapshot();
    return OrderBook.of(new Snapshot(generation, Math.max(s.lastSeq(), Math.multiplyExact(viewnum, SEQ_BLOCK)),
        s.pending(), s.receipts(), s.served()));
  }

  /** The receipt of an already applied request id, if it is still remembered. */
  public Optional<Receipt> receipt(String requestId) {
    return Optional.ofNullable(receipts.get(requestId));
  }

  /**
   * Applies one operation. {@code s.seq()} must be {@code lastSeq() + 1}; a duplicate request id
   * still consumes its seq (the log stays gap-free) but changes nothing and returns the first receipt.
   */
  public Receipt apply(Sequenced s) {
    if (s.seq() != lastSeq + 1) {
      throw new IllegalStateException("apply seq " + s.seq() + " after " + lastSeq);
    }
    lastSeq = s.seq();
    Receipt earlier = receipts.get(s.op().requestId());
    if (earlier != null) return earlier;
    Receipt receipt;
    if (s.op() instanceof Op.Press press) {
      PendingCall existing = pending.get(press.call());
      pending.put(press.call(), existing == null
          ? new PendingCall(press.call(), s.seq(), s.at())
          : new PendingCall(press.call(), s.seq(), existing.at(), existing.createdSeq()));
      receipt = new Receipt(press.requestId(), s.seq(), s.seq(), existing == null);
    } else if (s.op() instanceof Op.Served done) {
      PendingCall existing = pending.get(done.call());
      if (existing != null && existing.seq() == done.callSeq()) pending.remove(done.call());
      tombstone(new Tombstone(done.call(), done.callSeq()));
      receipt = new Receipt(done.requestId(), s.seq(), done.callSeq());
    } else {
      Op.Restore restore = (Op.Restore) s.op();
      if (!served.contains(new Tombstone(restore.call(), restore.callSeq())) && !pending.containsKey(restore.call())) {
        pending.put(restore.call(), new PendingCall(restore.call(), restore.callSeq(), restore.at(), s.seq()));
      }
      receipt = new Receipt(restore.requestId(), s.seq(), restore.callSeq());
    }
    receipts.put(receipt.requestId(), receipt);
    return receipt;
  }

  private void tombstone(Tombstone t) {
    served.remove(t);
    served.add(t);
    if (served.size() > TOMBSTONES_KEPT) served.remove(served.iterator().next());
  }

  /** Whether this book holds anything another lineage may lack: a pending call or a served incarnation. */
  public boolean hasCallsOrServices() {
    return !pending.isEmpty() || !served.isEmpty();
  }

  /** Whether incarnation {@code callSeq} of {@code call} is remembered as served. */
  public boolean wasServed(Call call, long callSeq) {
    return served.contains(new Tombstone(call, callSeq));
  }

  public long lastSeq() {
    return lastSeq;
  }

  public String generation() {
    return generation;
  }

  public Collection<PendingCall> pending() {
    return Collections.unmodifiableCollection(pending.values());
  }

  public Optional<PendingCall> pending(Call call) {
    return Optional.ofNullable(pending.get(call));
  }

  public Snapshot snapshot() {
    return new Snapshot(generation, lastSeq, List.copyOf(pending.values()), new ArrayList<>(receipts.values()), new ArrayList<>(served));
  }
}
