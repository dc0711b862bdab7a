package org.paternoster.orders;

import java.util.List;

/** The complete replicated state, as shipped by a state transfer (invariant 3). */
public record Snapshot(long lastSeq, List<PendingCall> pending, List<Receipt> receipts) {
  public static final Snapshot EMPTY = new Snapshot(0, List.of(), List.of());
}
