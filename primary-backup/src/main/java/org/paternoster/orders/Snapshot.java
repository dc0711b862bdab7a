package org.paternoster.orders;

import java.util.List;

/**
 * The complete replicated state, as shipped by a state transfer (invariant 3). {@code generation}
 * names the book's lineage: it changes only when a primary starts without any state (view 1, or
 * after a total loss), which tells elevator nodes to re-submit every call they show lit.
 */
public record Snapshot(String generation, long lastSeq, List<PendingCall> pending, List<Receipt> receipts) {
  public static final Snapshot EMPTY = new Snapshot(null, 0, List.of(), List.of());
}
