package org.paternoster.replica.sim;

import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;
import org.paternoster.replica.Replica;
import org.paternoster.replica.ReplicaHost;

/**
 * A replica's {@code --data-dir} in the simulation: what its journal made durable, kept across
 * crashes and restarts of the process. It models {@code DurableJournal} over a {@code BookLog}:
 * a book replaced by a transfer becomes the whole durable book, each operation is appended in
 * seq order (the log refuses a gap, and so does this), and a persist is durable when it returns
 * (the fsync completes before any effect leaves). A crash, a kill -9 or a power loss keeps
 * exactly what was persisted; recovery gives the book those records make, as a snapshot of it
 * (what {@code BookLog.recover} returns after a compaction, which may happen at any time).
 *
 * <p>Not modelled: a disk that loses or corrupts synced data, and a failed fsync (the real
 * replica halts then, which is a crash).
 */
final class SimDisk implements ReplicaHost.Journal {
  private OrderBook book = new OrderBook();

  @Override
  public void persist(Replica.Journal changes) {
    if (changes.replacedBy() != null) book = OrderBook.of(changes.replacedBy());
    for (Sequenced s : changes.ops()) {
      if (s.seq() != book.lastSeq() + 1) throw new IllegalStateException("journal append seq " + s.seq() + " after " + book.lastSeq());
      book.apply(s);
    }
  }

  /** The durable book as it stands (read by the checker: a copy that survives a crash). */
  OrderBook book() {
    return book;
  }

  /** What a restarted process recovers: a book of its own, equal to the durable one. */
  OrderBook recover() {
    return OrderBook.of(book.snapshot());
  }
}
