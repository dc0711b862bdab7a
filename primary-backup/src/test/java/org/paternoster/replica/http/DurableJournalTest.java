package org.paternoster.replica.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.durable.BookLog;
import org.paternoster.replica.Forward;
import org.paternoster.replica.Handover;
import org.paternoster.replica.PeerReply;
import org.paternoster.replica.Replica;
import org.paternoster.replica.ReplicaHost;
import org.paternoster.replica.Transfer;
import org.paternoster.view.View;

/** Durable books: on disk before acknowledged, recovered after a kill, on real files. */
class DurableJournalTest {
  static final View V1 = new View(1, "p", null, "http://p", null, "p1", null, true);
  @TempDir Path dir;
  final List<String> order = new ArrayList<>();
  long now = 1_000;

  /** A transport no test here uses (a primary without backup sends nothing). */
  static final ReplicaHost.Transport NOWHERE = new ReplicaHost.Transport() {
    public void forward(String to, Forward f, Consumer<PeerReply> reply) {}

    public void transfer(String to, Transfer t, Consumer<PeerReply> reply) {}

    public void handover(String to, Handover h, Consumer<Handover.Reply> reply) {}
  };

  ReplicaHost durableHost(BookLog log, Replica core) {
    DurableJournal disk = new DurableJournal(log, core::book, e -> { throw new AssertionError(e); });
    return new ReplicaHost(core, NOWHERE, () -> now, 1_000, () -> {}, changes -> {
      disk.persist(changes);
      if (!changes.isEmpty()) order.add("synced " + log.syncedSeq());
    });
  }

  ReplicaHost.Waiter recording(String name) {
    return new ReplicaHost.Waiter() {
      public boolean committed(long viewnum) {
        return order.add("ack " + name);
      }

      public boolean notPrimary(View view) {
        return order.add("refused " + name);
      }

      public boolean timedOut() {
        return order.add("timeout " + name);
      }
    };
  }

  @Test
  void anOrderIsOnDiskBeforeItIsAcknowledgedAndSurvivesAKill() throws Exception {
    BookLog log = BookLog.open(dir);
    Replica core = new Replica("p", "p1", 50, log.recover());
    ReplicaHost host = durableHost(log, core);
    host.onPingAnswer(new org.paternoster.view.PingAnswer(new org.paternoster.view.ViewState(V1, false), 600), now);
    for (int i = 0; i < 5; i++) host.submit(new Op.Press("r" + i, new CabCall("e1", i % 4)), recording("r" + i));
    assertThat(order).as("every acknowledgement follows the fsync that covers it")
        .containsSubsequence("synced " + (OrderBook.SEQ_BLOCK + 1), "ack r0")
        .containsSubsequence("synced " + (OrderBook.SEQ_BLOCK + 5), "ack r4");
    OrderBook before = OrderBook.of(core.book().snapshot());
    // kill -9: nothing closed, nothing flushed beyond what was synced; the directory lock dies with the process
    log.close();

    try (BookLog again = BookLog.open(dir)) {
      OrderBook recovered = again.recover();
      assertThat(recovered.snapshot()).isEqualTo(before.snapshot());
      Replica restarted = new Replica("p", "p2", 50, recovered);
      assertThat(restarted.hasState()).as("a new incarnation holding the recovered book, to be merged").isTrue();
      assertThat(restarted.book().pending()).hasSize(4);
    }
  }
}
