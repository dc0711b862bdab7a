package org.paternoster.replica.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.paternoster.replica.HeldForwards;
import org.paternoster.replica.Replica;
import org.paternoster.replica.RecordingWaiter;
import org.paternoster.replica.ReplicaHost;
import org.paternoster.view.View;

/** Durable books: on disk before acknowledged, recovered after a kill, on real files. */
class DurableJournalTest {
  static final View V1 = new View(1, "p", null, "http://p", null, "p1", null, true);
  @TempDir Path dir;
  final List<String> order = new ArrayList<>();
  long now = 1_000;

  /** The backup of the tests with one: it holds every forward until a test answers it. */
  final HeldForwards backup = new HeldForwards(f -> order.add("forward " + f.ops().size()));
  final List<Runnable> endOfTurn = new ArrayList<>();

  /** A host whose journal is {@code log}, writing "synced SEQ" into {@link #order} after each fsync. */
  ReplicaHost durableHost(BookLog log, Replica core, Consumer<Runnable> flushLater) {
    DurableJournal disk = new DurableJournal(log, core::book, e -> { throw new AssertionError(e); });
    return new ReplicaHost(core, backup, () -> now, 1_000, () -> {}, changes -> {
      disk.persist(changes);
      if (!changes.isEmpty()) order.add("synced " + log.syncedSeq());
    }, flushLater);
  }

  ReplicaHost.Waiter recording(String name) {
    return new RecordingWaiter(name, order);
  }

  @Test
  void anOrderIsOnDiskBeforeItIsAcknowledgedAndSurvivesAKill() throws Exception {
    BookLog log = BookLog.open(dir);
    Replica core = new Replica("p", "p1", 50, log.recover(), null);
    ReplicaHost host = durableHost(log, core, Runnable::run);
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
      Replica restarted = new Replica("p", "p2", 50, recovered, null);
      assertThat(restarted.hasState()).as("a new incarnation holding the recovered book, to be merged").isTrue();
      assertThat(restarted.book().pending()).hasSize(4);
    }
  }

  static final View WITH_BACKUP = new View(2, "p", "b", "http://p", "http://b", "p1", "b1", false);

  /** A durable primary whose backup holds its state, flushing at the end of each turn ({@link #endOfTurn}). */
  ReplicaHost primaryWithBackup(BookLog log) throws Exception {
    ReplicaHost host = durableHost(log, new Replica("p", "p1", 50, log.recover(), null), endOfTurn::add);
    host.onPingAnswer(new org.paternoster.view.PingAnswer(new org.paternoster.view.ViewState(V1, true), 600), now);
    host.onPingAnswer(new org.paternoster.view.PingAnswer(new org.paternoster.view.ViewState(WITH_BACKUP, false), 600), now);
    order.clear();
    return host;
  }

  void backupHolds(int i) {
    backup.backupHolds(i, WITH_BACKUP);
  }

  void submitTurn(ReplicaHost host, int from, int to) {
    for (int i = from; i < to; i++) host.submit(new Op.Press("r" + i, new CabCall("e1", i % 4)), recording("r" + i));
  }

  /**
   * Group commit: the orders a primary with a backup takes in one event-loop turn share one
   * fsync. Nothing leaves within the turn; at its end the forward leaves first, so the backup's
   * fsync overlaps the primary's, and no order is acknowledged before both hold it.
   */
  @Test
  void ordersSubmittedInOneTurnShareOneFsyncThatTheirForwardOverlaps() throws Exception {
    try (BookLog log = BookLog.open(dir)) {
      ReplicaHost host = primaryWithBackup(log);
      submitTurn(host, 0, 5);
      assertThat(order).as("nothing written, sent or acknowledged within the turn").isEmpty();
      assertThat(endOfTurn).as("one flush asked for, for all five").hasSize(1);

      endOfTurn.remove(0).run();
      assertThat(order).as("the first order's forward leaves (the rest wait for its answer), then one fsync covers all five")
          .containsExactly("forward 1", "synced " + (OrderBook.SEQ_BLOCK + 5));
      for (int i = 0; i < backup.forwards().size(); i++) backupHolds(i); // later batches may follow
      assertThat(order).as("acknowledged once the backup holds them").contains("ack r0", "ack r4");
    }
  }

  /**
   * A primary that dies inside its journal write (kill -9 before the fsync returned, power cut,
   * failed fsync) has sent the forward that overlapped it, and acknowledged nothing: the backup may
   * hold more than anyone was told, never less (invariant 9).
   */
  @Test
  void aPrimaryDyingInsideItsWriteHasAcknowledgedNothingItsForwardCarried() throws Exception {
    try (BookLog log = BookLog.open(dir)) {
      Replica core = new Replica("p", "p1", 50, log.recover(), null);
      boolean[] dead = {false};
      ReplicaHost host = new ReplicaHost(core, backup, () -> now, 1_000, () -> {}, changes -> {
        if (!changes.isEmpty() && dead[0]) throw new IllegalStateException("halted inside the write");
      }, endOfTurn::add);
      host.onPingAnswer(new org.paternoster.view.PingAnswer(new org.paternoster.view.ViewState(V1, true), 600), now);
      host.onPingAnswer(new org.paternoster.view.PingAnswer(new org.paternoster.view.ViewState(WITH_BACKUP, false), 600), now);
      order.clear();
      submitTurn(host, 0, 3);
      dead[0] = true;
      assertThatThrownBy(() -> endOfTurn.remove(0).run()).hasMessageContaining("halted");
      assertThat(order).as("the forward left; no order acknowledged").containsExactly("forward 1");
    }
  }

  /**
   * Orders taken while a forward travels cannot leave before its answer, so they ask for no flush
   * of their own: the answer's turn sends their forward and writes them all with one fsync (one
   * fsync per forward, not one per turn), and acknowledges the first batch only after that write.
   */
  @Test
  void ordersTakenWhileAForwardTravelsAreSyncedOnceAsTheirForwardLeaves() throws Exception {
    try (BookLog log = BookLog.open(dir)) {
      ReplicaHost host = primaryWithBackup(log);
      submitTurn(host, 0, 1);
      endOfTurn.remove(0).run();
      assertThat(order).containsExactly("forward 1", "synced " + (OrderBook.SEQ_BLOCK + 1));
      order.clear();

      submitTurn(host, 1, 4);
      submitTurn(host, 4, 6); // two more turns while the forward travels
      assertThat(endOfTurn).as("no flush: nothing could leave").isEmpty();
      assertThat(order).as("nothing written yet").isEmpty();

      backupHolds(0);
      assertThat(order).as("their forward, one fsync for the five, then r0 answered in the same turn")
          .containsExactly("forward 5", "synced " + (OrderBook.SEQ_BLOCK + 6), "ack r0");
      backupHolds(1);
      assertThat(order).contains("ack r1", "ack r5");
    }
  }
}
