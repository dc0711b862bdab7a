package org.paternoster.replica;

import org.paternoster.orders.Receipt;
import org.paternoster.view.View;

/** The immediate answer of the core to a client operation. */
public sealed interface Submission {
  /** Not primary of the current view: the client must go to {@code view.primary()}. */
  record NotPrimary(View view) implements Submission {}

  /**
   * Ordered (or found, for a duplicate id). The client may be acknowledged when {@code committed},
   * or later when a {@link Effect.Committed} covers {@code receipt.seq()}.
   */
  record Accepted(Receipt receipt, long viewnum, boolean committed) implements Submission {}

  /**
   * Refused unseen, by the host and never by the core: {@code waiting} clients already wait for
   * their commit, the most this primary keeps. Nothing was ordered; the client retries later with
   * the same id. Bounds what a primary holds for clients, whatever the load.
   */
  record Overloaded(int waiting) implements Submission {}
}
