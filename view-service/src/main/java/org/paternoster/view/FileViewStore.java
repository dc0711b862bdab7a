package org.paternoster.view;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.paternoster.durable.AtomicFile;

/**
 * A {@link ViewStore} in one JSON file, {@code view.json}. Invariant 4: {@link #save} is an
 * {@link AtomicFile} write (temp file, fsync, rename, fsync of the directory), so after a crash
 * the file holds either the old or the new state, never a torn one.
 */
final class FileViewStore implements ViewStore {
  private final AtomicFile file;

  FileViewStore(Path dir) {
    this.file = new AtomicFile(dir.resolve("view.json"));
  }

  @Override
  public Optional<SavedState> load() throws IOException {
    return file.read().map(text -> SavedStateJson.fromJson(new JsonObject(text)));
  }

  @Override
  public void save(SavedState state) throws IOException {
    file.write(SavedStateJson.toJson(state).encode());
  }

  @Override
  public String describe() {
    return file.path().toAbsolutePath().toString();
  }
}
