package org.paternoster.replica;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;

/**
 * What happened to one {@link Replica}'s book since the last drain, for a durable journal (each op
 * applied in order, or a wholesale replacement), and whether the book is still exactly the one
 * recovered from a disk (invariant 9). Owned by its replica; one thread.
 */
final class BookChanges {
  private final List<Sequenced> applied = new ArrayList<>();
  private boolean replaced;
  private String recoveredFrom;

  /** @param recoveredFrom the incarnation whose durable book the replica starts from, or null */
  BookChanges(String recoveredFrom) {
    this.recoveredFrom = recoveredFrom;
  }

  /** {@code s} was applied to the book. */
  void applied(Sequenced s) {
    applied.add(s);
    recoveredFrom = null;
  }

  /** The book was replaced wholesale: it is journaled as a snapshot, whatever was applied before it. */
  void replaced() {
    replaced = true;
    applied.clear();
    recoveredFrom = null;
  }

  /** The recovered book's writer while the book has not changed since, else null. */
  String recoveredFrom() {
    return recoveredFrom;
  }

  /** The changes since the last drain, {@code book} being the book now (its snapshot after a replacement); starts over. */
  BookDelta drain(OrderBook book) {
    BookDelta j = new BookDelta(replaced ? book.snapshot() : null, replaced ? List.of() : List.copyOf(applied));
    applied.clear();
    replaced = false;
    return j;
  }
}
