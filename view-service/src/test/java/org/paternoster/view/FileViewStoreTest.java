package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileViewStoreTest {
  @TempDir Path dir;

  @Test
  void emptyUntilSavedThenReturnsExactlyWhatWasSaved() throws Exception {
    ViewStore store = ViewStore.inDirectory(dir.resolve("nested"));
    assertThat(store.load()).isEmpty();
    View view = new View(4, "a", null, "http://a", null);
    SavedState state = new SavedState(new ViewState(view, true), List.of(
        new ViewChange(new View(3, "b", "a", null, "http://a"), 1_700_000_000_000L, "backup joined", null),
        new ViewChange(view, 1_700_000_000_500L, "primary dead", 512L)));
    store.save(state);
    assertThat(ViewStore.inDirectory(dir.resolve("nested")).load()).contains(state);
  }

  @Test
  void saveReplacesTheFileAtomicallyAndLeavesNoTempFile() throws Exception {
    ViewStore store = ViewStore.inDirectory(dir);
    store.save(new SavedState(new ViewState(new View(1, "a", null, null, null), false), List.of()));
    SavedState second = new SavedState(new ViewState(new View(2, "a", "b", null, null), false), List.of());
    store.save(second);
    assertThat(store.load()).contains(second);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("view.json");
    }
  }
}
