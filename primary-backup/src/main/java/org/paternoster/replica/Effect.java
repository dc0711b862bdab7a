package org.paternoster.replica;

import java.util.List;
import org.paternoster.orders.Sequenced;
import org.paternoster.orders.Snapshot;
import org.paternoster.view.View;

/** What the replica core asks its shell to do. The shell executes effects in order. */
public sealed interface Effect {
  /** Send {@code transfer} to the backup of its view. */
  record SendTransfer(String toAddress, Transfer transfer) implements Effect {
    public Snapshot snapshot() {
      return transfer.snapshot();
    }
  }

  /** Send {@code forward} to the backup of its view. */
  record SendForward(String toAddress, Forward forward) implements Effect {
    public List<Sequenced> ops() {
      return forward.ops();
    }
  }

  /** Send {@code handover} (this idle replica's orphaned calls) to the primary of its view. */
  record SendHandover(String toAddress, Handover handover) implements Effect {}

  /**
   * Every operation with seq ≤ {@code upToSeq} is held by primary and backup and this primary holds
   * a lease: acknowledge it.
   */
  record Committed(long upToSeq) implements Effect {}

  /** This replica is no longer primary: fail every waiting client ("not primary", retry elsewhere). */
  record Abandoned(View view) implements Effect {}
}
