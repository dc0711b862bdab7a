package org.paternoster.orders;

/**
 * An operation on the order book. Every operation carries the client's request id: applying
 * the same id twice has no further effect (invariant 6).
 */
public sealed interface Op permits Op.Press, Op.Served, Op.Restore {
  String requestId();

  Call call();

  /** A button was pressed. A call already pending is the same call (idempotent). */
  record Press(String requestId, Call call) implements Op {}

  /**
   * A car served {@code call} as it was when it had sequence number {@code callSeq}. It removes
   * only that incarnation: a call pressed again after the car left has a newer seq and stays
   * (invariant 6: negation is surgical). The incarnation is remembered as served (a tombstone).
   */
  record Served(String requestId, Call call, long callSeq) implements Op {}

  /**
   * Merges one pending call of an older book (another lineage that came back, invariant 7): it
   * becomes pending with its own incarnation {@code callSeq} unless that incarnation is known to be
   * served or the call is pending already. Commutative and idempotent, so merging in any order, or
   * twice, gives the same book.
   */
  record Restore(String requestId, Call call, long callSeq, long at) implements Op {}
}
