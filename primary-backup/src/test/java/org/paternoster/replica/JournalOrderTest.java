package org.paternoster.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.Sequenced;

/** Which acknowledgements may run ahead of a journal write: only of operations an earlier write holds. */
class JournalOrderTest {
  static Sequenced op(long seq) {
    return new Sequenced(seq, 0, new Op.Press("r" + seq, new CabCall("e1", 1)));
  }

  @Test
  void anAcknowledgementRunsAheadOnlyOfAWriteThatHoldsNoneOfItsOperations() {
    BookDelta appended = new BookDelta(null, List.of(op(11), op(12)));
    assertThat(ReplicaHost.heldByAnEarlierWrite(10, appended)).as("ops up to 10 were written before").isTrue();
    assertThat(ReplicaHost.heldByAnEarlierWrite(11, appended)).as("op 11 is in this write").isFalse();
    assertThat(ReplicaHost.heldByAnEarlierWrite(12, appended)).isFalse();
    assertThat(ReplicaHost.heldByAnEarlierWrite(1_000, new BookDelta(null, List.of()))).as("nothing to write").isTrue();
  }

  @Test
  void aBookReplacedWholesaleHoldsEveryAcknowledgementBackWhateverItsNumbers() {
    BookDelta replaced = new BookDelta(new OrderBook().snapshot(), List.of(op(5)));
    assertThat(ReplicaHost.heldByAnEarlierWrite(1, replaced)).isFalse();
    assertThat(ReplicaHost.heldByAnEarlierWrite(4, new BookDelta(new OrderBook().snapshot(), List.of()))).isFalse();
  }
}
