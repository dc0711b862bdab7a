package org.paternoster.replica;

import java.util.List;
import org.paternoster.orders.PendingCall;
import org.paternoster.orders.Tombstone;
import org.paternoster.view.View;

/**
 * An idle replica → the primary: "I hold these pending calls of lineage {@code generation}, and
 * know these incarnations ({@code served}) were served; merge what you do not know" (invariant 7:
 * nothing acknowledged is forgotten while one copy survives, and a service known anywhere wins).
 * {@code view} is the sender's view. The primary answers {@link Reply} with {@code merged} once
 * every call it lacked is committed, after which the sender may drop its book.
 */
public record Handover(View view, String server, String generation, List<PendingCall> pending, List<Tombstone> served) {
  public Handover {
    pending = List.copyOf(pending);
    served = List.copyOf(served);
  }

  /** {@code merged}: the primary of {@code view} holds (committed) everything handed over. */
  public record Reply(boolean merged, View view) {}
}
