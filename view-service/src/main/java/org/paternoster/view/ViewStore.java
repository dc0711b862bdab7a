package org.paternoster.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the view service keeps its {@link SavedState} across restarts (rule 7, invariant 4).
 * Called on the view service's event loop; both calls are small and synchronous.
 */
public interface ViewStore {
  /** The last saved state, or empty when nothing was ever saved. */
  Optional<SavedState> load() throws IOException;

  /** Durably replaces the saved state: when this returns, a crash cannot lose {@code state}. */
  void save(SavedState state) throws IOException;

  /** A human description for the logs. */
  String describe();

  /** A durable store: {@code view.json} in {@code dir} (created if missing). */
  static ViewStore inDirectory(Path dir) {
    return new FileViewStore(dir);
  }

  /** A store that forgets everything when the process ends: no persistence at all. */
  static ViewStore inMemory() {
    return new MemoryViewStore();
  }
}
