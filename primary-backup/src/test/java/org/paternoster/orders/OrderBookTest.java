package org.paternoster.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderBookTest {
  static final HallCall UP2 = new HallCall(2, Direction.UP);
  static final CabCall CAB_A3 = new CabCall("a", 3);
  static final long T = 12_345;

  OrderBook book = new OrderBook();

  Receipt apply(Op op) {
    return book.apply(new Sequenced(book.lastSeq() + 1, T, op));
  }

  @Test
  void pressOfAPendingCallRenewsItKeepingWhenItWasFirstPressed() {
    Receipt first = apply(new Op.Press("r1", UP2));
    Receipt second = book.apply(new Sequenced(2, T + 500, new Op.Press("r2", UP2)));
    assertThat(book.pending()).hasSize(1);
    assertThat(first.created()).isTrue();
    assertThat(second.created()).as("a press of a pending call").isFalse();
    assertThat(second.callSeq()).as("the press's own seq is the new incarnation").isEqualTo(second.seq()).isEqualTo(2);
    assertThat(book.pending(UP2)).get().isEqualTo(new PendingCall(UP2, 2, T, 1));
  }

  @Test
  void aServiceReportedBeforeAPressArrivedLeavesThatPressPending() {
    // The served-before-join race: a car opened its door for incarnation 1 and said so; before
    // that report reached the primary, a passenger who came after the door closed pressed the
    // still-lit button. The late report names incarnation 1 and must not put out the new press.
    Receipt first = apply(new Op.Press("r1", UP2));
    Receipt later = apply(new Op.Press("r2", UP2));
    apply(new Op.Served("s1", UP2, first.callSeq()));
    assertThat(book.pending(UP2)).get().extracting(PendingCall::seq).isEqualTo(later.seq());
    assertThat(book.wasServed(UP2, first.callSeq())).isTrue();
    apply(new Op.Served("s2", UP2, later.callSeq()));
    assertThat(book.pending()).isEmpty();
  }

  @Test
  void aRestoredCallIsListedFromTheRestoreOnNotFromItsIncarnation() {
    apply(new Op.Press("r1", CAB_A3));
    apply(new Op.Restore("m1", UP2, 7 * OrderBook.SEQ_BLOCK, T - 100)); // from a copy of a later lineage
    assertThat(book.pending(UP2)).get().isEqualTo(new PendingCall(UP2, 7 * OrderBook.SEQ_BLOCK, T - 100, 2));
  }

  @Test
  void duplicateRequestIdChangesNothingAndReturnsTheFirstReceipt() {
    Receipt first = apply(new Op.Press("r1", UP2));
    apply(new Op.Served("s1", UP2, first.callSeq()));
    Receipt again = apply(new Op.Press("r1", UP2));
    assertThat(again).isEqualTo(first);
    assertThat(book.pending()).isEmpty(); // the resent press did not re-light the served call
  }

  @Test
  void servedRemovesOnlyTheIncarnationItSaw() {
    Receipt old = apply(new Op.Press("r1", CAB_A3));
    apply(new Op.Served("s1", CAB_A3, old.callSeq()));
    Receipt pressedAgain = apply(new Op.Press("r2", CAB_A3));
    apply(new Op.Served("s1-late-duplicate", CAB_A3, old.callSeq()));
    assertThat(book.pending(CAB_A3)).get().extracting(PendingCall::seq).isEqualTo(pressedAgain.seq());
  }

  @Test
  void sameSequenceGivesEqualBooks() {
    OrderBook other = new OrderBook();
    Op[] ops = {new Op.Press("a", UP2), new Op.Press("b", CAB_A3), new Op.Served("c", UP2, 1), new Op.Press("a", UP2)};
    for (Op op : ops) {
      apply(op);
      other.apply(new Sequenced(other.lastSeq() + 1, T, op));
    }
    assertThat(other.snapshot()).isEqualTo(book.snapshot());
    assertThat(OrderBook.of(book.snapshot()).snapshot()).isEqualTo(book.snapshot());
  }

  @Test
  void refusesGaps() {
    assertThatThrownBy(() -> book.apply(new Sequenced(2, T, new Op.Press("x", UP2))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void receiptTableIsBoundedAndEvictsOldestFirst() {
    for (int i = 0; i < OrderBook.RECEIPTS_KEPT + 10; i++) apply(new Op.Press("r" + i, UP2));
    assertThat(book.receipt("r0")).isEmpty();
    assertThat(book.receipt("r" + (OrderBook.RECEIPTS_KEPT + 9))).isPresent();
    assertThat(book.snapshot().receipts()).hasSize(OrderBook.RECEIPTS_KEPT);
  }
}
