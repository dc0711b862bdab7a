package org.paternoster.replica;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;
import org.paternoster.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the replication codecs on a throw-away book at start-up. A replica that was idle since
 * it started otherwise pays class loading and interpretation on its first state transfer — which
 * happens on the failover path, when it becomes the new backup. The messages go through their
 * bytes (JSON text, as on the wire) and the book is full-sized (every receipt and tombstone
 * slot used, a few calls pending): measured, a warm-up on small in-memory copies left the first real transfer to
 * decode 120 ms slower than the second.
 */
public final class CodecWarmup {
  private static final Logger log = LoggerFactory.getLogger(CodecWarmup.class);
  private static final AtomicBoolean started = new AtomicBoolean();

  private CodecWarmup() {}

  /**
   * Runs the warm-up once per JVM, on a daemon thread of its own beside the event loops (the JIT
   * compiles what it runs for every thread); never blocks, never touches a Vert.x context, so a
   * replica stopped before it ends (tests) is not disturbed.
   */
  public static void startOnce() {
    if (!started.compareAndSet(false, true)) return;
    Thread thread = new Thread(() -> {
      try {
        run();
      } catch (RuntimeException e) {
        log.warn("codec warm-up failed (harmless: the first transfer is slower)", e);
      }
    }, "codec-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  public static void run() {
    Sample sample = sample();
    OrderBook book = sample.book();
    List<Sequenced> ops = sample.ops();
    View view = new View(1, "warmup-p", "warmup-b", "http://p", "http://b");
    for (int round = 0; round < 10; round++) {
      OrderBook.of(PeerJson.transfer(wire(PeerJson.transfer(new Transfer(view, round, book.snapshot())))).snapshot());
    }
    for (int round = 0; round < 200; round++) {
      PeerJson.forward(wire(PeerJson.forward(new Forward(view, round, ops))));
      PeerJson.reply(wire(PeerJson.reply(new PeerReply(PeerReply.Status.OK, round, 1, view))));
    }
  }

  /** A full-sized book (every receipt and tombstone slot used, a few calls pending) and 64 of its ops. */
  public record Sample(OrderBook book, List<Sequenced> ops) {}

  public static Sample sample() {
    OrderBook book = new OrderBook();
    List<Sequenced> ops = new ArrayList<>();
    long seq = 0;
    for (int i = 1; i <= OrderBook.TOMBSTONES_KEPT; i++) {
      CabCall call = new CabCall("warmup", i % 4);
      Sequenced press = new Sequenced(++seq, 0, new Op.Press("warmup-" + i, call));
      book.apply(press);
      book.apply(new Sequenced(++seq, 0, new Op.Served("warmup-served-" + i, call, press.seq())));
      if (ops.size() < 64) ops.add(press);
    }
    for (int i = 0; i < 4; i++) book.apply(new Sequenced(++seq, 0, new Op.Press("warmup-pending-" + i, new CabCall("warmup", i))));
    return new Sample(book, ops);
  }

  private static JsonObject wire(JsonObject message) {
    return new JsonObject(message.toBuffer());
  }
}
