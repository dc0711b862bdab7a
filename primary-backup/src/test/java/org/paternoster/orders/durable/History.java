package org.paternoster.orders.durable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Call;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.PendingCall;
import org.paternoster.orders.Sequenced;
import org.paternoster.orders.Snapshot;

/**
 * A "primary" ordering pseudo-random operations: presses and serves of hall and cab calls, some
 * request ids resent. Remembers them all, so a test can rebuild the book after any prefix.
 */
final class History {
  private final Random random = new Random(42);
  private final String generation;
  private final List<Sequenced> ops = new ArrayList<>();
  final OrderBook book;

  History(String generation) {
    this.generation = generation;
    this.book = new OrderBook(generation);
  }

  History() {
    this(null);
  }

  /** The operation after {@code seq - 1}, ordering it if new. */
  Sequenced op(long seq) {
    while (ops.size() < seq) {
      Sequenced s = next();
      ops.add(s);
      book.apply(s);
    }
    return ops.get((int) seq - 1);
  }

  /** Orders {@code n} more operations, appending each to {@code log} (if not null). */
  void drive(BookLog log, int n) {
    for (int i = 0; i < n; i++) {
      Sequenced s = op(ops.size() + 1);
      if (log != null) log.append(s);
    }
  }

  /** The book after the first {@code seq} operations. */
  Snapshot at(long seq) {
    OrderBook b = new OrderBook(generation);
    for (long i = 1; i <= seq; i++) b.apply(op(i));
    return b.snapshot();
  }

  private Sequenced next() {
    long seq = book.lastSeq() + 1;
    List<PendingCall> pending = List.copyOf(book.pending());
    int pick = random.nextInt(10);
    Op op;
    if (pick < 3 && !pending.isEmpty()) {
      PendingCall p = pending.get(random.nextInt(pending.size()));
      op = new Op.Served("s" + seq, p.call(), p.seq());
    } else if (pick == 3 && seq > 1) {
      op = ops.get(random.nextInt((int) seq - 1)).op(); // a client resending a request
    } else {
      int floor = random.nextInt(10);
      Call call = random.nextBoolean()
          ? new HallCall(floor, random.nextBoolean() ? Direction.UP : Direction.DOWN)
          : new CabCall(random.nextBoolean() ? "a" : "b", floor);
      op = new Op.Press("p" + seq, call);
    }
    return new Sequenced(seq, 1_000 + seq, op);
  }
}
