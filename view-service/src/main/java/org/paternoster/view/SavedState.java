package org.paternoster.view;

import java.util.List;

/**
 * What survives a view service restart: the current view, whether it was acked, and the recent
 * history (oldest first). Invariant 4: a restarted service resumes from {@code state.view()}.
 */
public record SavedState(ViewState state, List<ViewChange> history) {
  public SavedState {
    if (state == null) throw new IllegalArgumentException("state is null");
    history = List.copyOf(history);
  }
}
