package org.paternoster.replica;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;
import org.paternoster.view.View;

/**
 * Runs the replication codecs on a throw-away book at start-up. A replica that was idle since
 * it started otherwise pays class loading and interpretation on its first state transfer — which
 * happens on the failover path, when it becomes the new backup. Measured by bench-failover.
 */
public final class CodecWarmup {
  private CodecWarmup() {}

  public static void run() {
    OrderBook book = new OrderBook();
    List<Sequenced> ops = new ArrayList<>();
    for (int i = 1; i <= 64; i++) {
      Sequenced s = new Sequenced(i, 0, new Op.Press("warmup-" + i, new CabCall("warmup", i % 4)));
      book.apply(s);
      ops.add(s);
    }
    View view = new View(1, "warmup-p", "warmup-b", "http://p", "http://b");
    for (int round = 0; round < 200; round++) {
      PeerJson.transfer(PeerJson.transfer(new Transfer(view, round, book.snapshot())).copy());
      PeerJson.forward(PeerJson.forward(new Forward(view, round, ops)).copy());
      PeerJson.reply(PeerJson.reply(new PeerReply(PeerReply.Status.OK, round, 1, view)).copy());
    }
  }
}
