package org.paternoster.view;

import java.util.Optional;

/** A {@link ViewStore} without persistence: a restarted service starts again at view 0. */
final class MemoryViewStore implements ViewStore {
  private SavedState saved;

  @Override
  public Optional<SavedState> load() {
    return Optional.ofNullable(saved);
  }

  @Override
  public void save(SavedState state) {
    saved = state;
  }

  @Override
  public String describe() {
    return "memory (not persistent)";
  }
}
