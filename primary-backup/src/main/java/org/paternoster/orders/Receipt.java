package org.paternoster.orders;

/**
 * What applying a request produced: the sequence number the request was ordered at and, for a
 * press, the incarnation of the call it lit or renewed (always its own seq) and whether it
 * {@code created} the call (no press of it was pending); for served: the seq it named. A duplicate
 * request gets the first receipt again.
 */
public record Receipt(String requestId, long seq, long callSeq, boolean created) {
  /** A receipt of a served or restore operation. */
  public Receipt(String requestId, long seq, long callSeq) {
    this(requestId, seq, callSeq, false);
  }
}
