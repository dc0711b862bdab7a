package org.paternoster.replica.sim;

import java.util.List;
import java.util.Random;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;
import org.paternoster.orders.Snapshot;
import org.paternoster.replica.BookDelta;
import org.paternoster.replica.ReplicaHost;

/**
 * A replica's {@code --data-dir} in the simulation: what its journal made durable, kept across
 * crashes and restarts of the process. It models {@code DurableJournal} over a {@code BookLog}:
 * a book replaced by a transfer becomes the whole durable book, each operation is appended in
 * seq order (the log refuses a gap, and so does this), and a persist is durable when it returns
 * (the fsync completes before any effect that promises leaves; a primary's forward may overlap it). A crash, a kill -9 or a power loss between two
 * writes keeps exactly what was persisted; recovery gives the book those records make, as a
 * snapshot of it (what {@code BookLog.recover} returns after a compaction, which may happen at
 * any time).
 *
 * <p>A write cut short ({@link #cutNextWrite}): the process dies inside a persist, before any
 * effect of that input leaves but a primary's forward, and the disk keeps any prefix of what the
 * write carried. A
 * replacement is atomic (a snapshot renamed into place, then a new log) and comes first; records
 * after it survive as an intact prefix, since recovery cuts a torn line and everything after
 * it. This is a kill -9 between the write and the fsync (the page cache keeps it all), a power
 * cut (any prefix reached the platter), or a failed fsync (the replica halts, and what the
 * failed call left is unknown).
 *
 * <p>The writer ({@code writer.json}): the incarnation that last changed the book, named durably
 * before its first write ({@link #writtenBy}); a cut write keeps the new name whenever it kept any
 * of the data, and may keep it when it kept none (the name is written first).
 *
 * <p>Not modelled: a disk that loses or corrupts data an fsync returned for (outside the stated
 * assumptions, docs/ARCHITECTURE.md).
 */
final class SimDisk implements ReplicaHost.Journal {
  private final Random tears;
  private OrderBook book = new OrderBook();
  private Runnable halt; // armed: the next write is cut short, then this kills the process
  private String writer; // durable: the incarnation that last changed the book (null: none yet)
  private String process; // the running incarnation, named as writer before its first write

  /** @param tears chooses how much of a cut write survives (a stream of its own, for replay) */
  SimDisk(Random tears) {
    this.tears = tears;
  }

  @Override
  public void persist(BookDelta changes) {
    if (halt == null || changes.isEmpty()) {
      write(changes.replacedBy(), changes.ops());
      return;
    }
    int steps = (changes.replacedBy() != null ? 1 : 0) + changes.ops().size();
    int kept = tears.nextInt(steps + 1); // 0: nothing reached the disk; steps: all of it, but no fsync returned
    // The name goes first: write() keeps it with any data kept; with none, it may have landed alone.
    if (kept == 0 && !java.util.Objects.equals(writer, process) && tears.nextBoolean()) writer = process;
    if (changes.replacedBy() == null) {
      write(null, changes.ops().subList(0, kept));
    } else if (kept > 0) {
      write(changes.replacedBy(), changes.ops().subList(0, kept - 1));
    }
    Runnable dies = halt;
    halt = null;
    dies.run();
    throw new SimNetwork.Halted();
  }

  private void write(Snapshot replacedBy, List<Sequenced> ops) {
    if (replacedBy != null || !ops.isEmpty()) writer = process;
    if (replacedBy != null) book = OrderBook.of(replacedBy);
    for (Sequenced s : ops) {
      if (s.seq() != book.lastSeq() + 1) throw new IllegalStateException("journal append seq " + s.seq() + " after " + book.lastSeq());
      book.apply(s);
    }
  }

  /**
   * Arms a crash inside the next write with something to write: it keeps a random prefix, runs
   * {@code halt} (which must take the process down) and unwinds the rest of the input with {@link
   * SimNetwork.Halted}, so no effect of it leaves.
   */
  void cutNextWrite(Runnable halt) {
    this.halt = halt;
  }

  /** No write will be cut (faults end at the heal). */
  void disarm() {
    halt = null;
  }

  /** The durable book as it stands (read by the checker: a copy that survives a crash). */
  OrderBook book() {
    return book;
  }

  /** A process (re)starts on this disk: it will name itself writer before its first write. */
  void writtenBy(String incarnation) {
    process = incarnation;
  }

  /** The incarnation whose writes made the durable book, or null: what {@code BookLog.recoveredWriter} reads. */
  String writer() {
    return writer;
  }

  /** What a restarted process recovers: a book of its own, equal to the durable one. */
  OrderBook recover() {
    return OrderBook.of(book.snapshot());
  }
}
