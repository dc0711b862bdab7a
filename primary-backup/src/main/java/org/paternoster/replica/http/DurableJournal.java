package org.paternoster.replica.http;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;
import org.paternoster.orders.durable.BookLog;
import org.paternoster.replica.BookDelta;
import org.paternoster.replica.ReplicaHost;

/**
 * Durable books ({@code replica.sh --data-dir}): the book's changes go to a {@link BookLog} and are
 * fsynced once per input, before the host lets any effect that promises leave (invariant 1 across a
 * power loss of both controller machines; a primary's forward may overlap it, {@code ReplicaHost.run}). Runs on the event loop and blocks it for the fsync (group commit: a
 * forward batch is one fsync). A failed write is fatal ({@code onFailure}): a replica that cannot
 * promise durability must stop, and a restart recovers from the log.
 */
final class DurableJournal implements ReplicaHost.Journal {
  private final BookLog log;
  private final Supplier<OrderBook> book;
  private final Consumer<IOException> onFailure;

  DurableJournal(BookLog log, Supplier<OrderBook> book, Consumer<IOException> onFailure) {
    this.log = log;
    this.book = book;
    this.onFailure = onFailure;
  }

  @Override
  public void persist(BookDelta changes) {
    if (changes.isEmpty()) return;
    try {
      if (changes.replacedBy() != null) log.replace(changes.replacedBy());
      for (Sequenced s : changes.ops()) log.append(s);
      log.sync();
      log.maybeCompact(book.get());
    } catch (IOException e) {
      onFailure.accept(e);
    }
  }
}
