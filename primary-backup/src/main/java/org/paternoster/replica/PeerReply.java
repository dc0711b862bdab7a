package org.paternoster.replica;

import org.paternoster.view.View;

/**
 * Backup → primary, answering a {@link Forward} or {@link Transfer}. {@code view} is the view
 * the backup is in, so a stale primary learns at once that it has been replaced.
 */
public record PeerReply(Status status, long attempt, long applied, View view) {
  public enum Status {
    /** The backup holds every operation up to {@code applied}. */
    OK,
    /** The backup is in this view but holds no transferred state for it: send a transfer. */
    NEED_TRANSFER,
    /** The sender is not the primary of the backup's view (invariant 2: fencing). */
    REFUSED
  }
}
