package org.paternoster.replica;

import java.util.List;
import org.paternoster.orders.Sequenced;
import org.paternoster.orders.Snapshot;

/**
 * What a replica's book went through since the last {@link Replica#drainJournal}, for a durable
 * journal: either it was replaced wholesale ({@code replacedBy} then holds the snapshot to persist,
 * which includes what came after), or {@code ops} were applied in order.
 */
public record BookDelta(Snapshot replacedBy, List<Sequenced> ops) {
  public boolean isEmpty() {
    return replacedBy == null && ops.isEmpty();
  }
}
