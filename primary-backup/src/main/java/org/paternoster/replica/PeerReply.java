package org.paternoster.replica;

import java.util.List;
import org.paternoster.orders.PendingCall;
import org.paternoster.orders.Tombstone;
import org.paternoster.view.View;

/**
 * Backup → primary, answering a {@link Forward} or {@link Transfer}. {@code view} is the view
 * the backup is in, so a stale primary learns at once that it has been replaced.
 */
public record PeerReply(Status status, long attempt, long applied, View view, List<PendingCall> uncovered, List<Tombstone> served) {
  public enum Status {
    /** The backup holds every operation up to {@code applied}. */
    OK,
    /** The backup is in this view but holds no transferred state for it: send a transfer. */
    NEED_TRANSFER,
    /**
     * The transfer would overwrite calls of another lineage that it does not cover, or shows
     * pending incarnations this backup knows were served (invariant 7): merge {@code uncovered}
     * and retire {@code served} first, then transfer again.
     */
    MERGE_FIRST,
    /** The sender is not the primary of the backup's view (invariant 2: fencing). */
    REFUSED
  }

  public PeerReply {
    uncovered = uncovered == null ? List.of() : List.copyOf(uncovered);
    served = served == null ? List.of() : List.copyOf(served);
  }

  public PeerReply(Status status, long attempt, long applied, View view) {
    this(status, attempt, applied, view, List.of(), List.of());
  }
}
