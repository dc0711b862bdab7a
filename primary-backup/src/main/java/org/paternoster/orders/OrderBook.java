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
 * a press of a pending call joins it; "served" removes only the incarnation it names.
 *
 * <p>Not thread-safe: owned by one replica's event loop.
 */
public final class OrderBook {
  /**
   * How many request ids are remembered for deduplication. Clients resend only until they hear
   * "committed", so recent ids suffice; and the table travels in every state transfer, which sits
   * on the failover path. Forgetting an old id is safe: a press of a pending call joins it and a
   * stale "served" names an old callSeq and removes nothing.
   */
  public static final int RECEIPTS_KEPT = 4_096;

  private final Map<Call, PendingCall> pending = new LinkedHashMap<>();
  private final LinkedHashMap<String, Receipt> receipts =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Receipt> eldest) {
          return size() > RECEIPTS_KEPT;
        }
      };
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
    return book;
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
      long callSeq = existing != null ? existing.seq() : s.seq();
      if (existing == null) pending.put(press.call(), new PendingCall(press.call(), s.seq(), s.at()));
      receipt = new Receipt(press.requestId(), s.seq(), callSeq);
    } else {
      Op.Served served = (Op.Served) s.op();
      PendingCall existing = pending.get(served.call());
      if (existing != null && existing.seq() == served.callSeq()) pending.remove(served.call());
      receipt = new Receipt(served.requestId(), s.seq(), served.callSeq());
    }
    receipts.put(receipt.requestId(), receipt);
    return receipt;
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
    return new Snapshot(generation, lastSeq, List.copyOf(pending.values()), new ArrayList<>(receipts.values()));
  }
}
