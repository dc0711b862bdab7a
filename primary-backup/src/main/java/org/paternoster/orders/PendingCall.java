package org.paternoster.orders;

/**
 * A lit call: the call, its current incarnation {@code seq} (the seq of its latest press: a press
 * of a pending call renews it, so a "served" of an older incarnation leaves the later press
 * pending), when it was first pressed, and {@code createdSeq}, the seq at which this book first
 * listed it (lamps show a call once that is committed).
 */
public record PendingCall(Call call, long seq, long at, long createdSeq) {
  /** A call created by the operation that made its incarnation. */
  public PendingCall(Call call, long seq, long at) {
    this(call, seq, at, seq);
  }
}
