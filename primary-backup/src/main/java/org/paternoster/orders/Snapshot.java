package org.paternoster.orders;

import java.util.List;

/**
 * The complete replicated state, as shipped by a state transfer (invariant 3). {@code generation}
 * names the book's lineage: it changes only when a primary starts a new lineage (a view the view
 * service marked {@code rebuild}), which tells elevator nodes to re-submit every call they show
 * lit. {@code served} are the incarnations recently served, oldest first.
 */
public record Snapshot(String generation, long lastSeq, List<PendingCall> pending, List<Receipt> receipts, List<Tombstone> served) {
  public static final Snapshot EMPTY = new Snapshot(null, 0, List.of(), List.of(), List.of());

  public Snapshot {
    served = served == null ? List.of() : List.copyOf(served);
  }

  /** True when {@code p} would survive installing this snapshot: its call is pending here, or its incarnation was served. */
  public boolean covers(PendingCall p) {
    return served.contains(Tombstone.of(p)) || pending.stream().anyMatch(q -> q.call().equals(p.call()));
  }
}
