package org.paternoster.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    Optional<String> text = file.read();
    if (text.isEmpty()) return Optional.empty();
    JsonObject json = new JsonObject(text.get());
    List<ViewChange> history = new ArrayList<>();
    for (Object entry : json.getJsonArray("history", new JsonArray())) {
      history.add(ViewJson.changeFromJson((JsonObject) entry));
    }
    return Optional.of(new SavedState(ViewJson.stateFromJson(json.getJsonObject("view")), history));
  }

  @Override
  public void save(SavedState state) throws IOException {
    JsonArray history = new JsonArray();
    state.history().forEach(c -> history.add(ViewJson.toJson(c, true)));
    file.write(new JsonObject().put("view", ViewJson.toJson(state.state())).put("history", history).encode());
  }

  @Override
  public String describe() {
    return file.path().toAbsolutePath().toString();
  }
}
