package org.paternoster.replica;

import org.paternoster.orders.Snapshot;
import org.paternoster.view.View;

/** Primary → new backup of {@code view}: the complete state (invariant 3). */
public record Transfer(View view, long attempt, Snapshot snapshot) {}
