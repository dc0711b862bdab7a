package org.paternoster.view;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ViewStore} in one JSON file. Invariant 4: {@link #save} writes a temp file, forces it
 * to disk, atomically renames it over {@code view.json} and forces the directory, so after a
 * crash the file holds either the old or the new state, never a torn one.
 */
final class FileViewStore implements ViewStore {
  private static final Logger log = LoggerFactory.getLogger(FileViewStore.class);
  private static final String FILE = "view.json";
  private final Path dir;
  private final Path file;
  private final Path temp;

  FileViewStore(Path dir) {
    this.dir = dir;
    this.file = dir.resolve(FILE);
    this.temp = dir.resolve(FILE + ".tmp");
  }

  @Override
  public Optional<SavedState> load() throws IOException {
    if (!Files.exists(file)) return Optional.empty();
    JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
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
    JsonObject json = new JsonObject().put("view", ViewJson.toJson(state.state())).put("history", history);
    Files.createDirectories(dir);
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer bytes = ByteBuffer.wrap(json.encode().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) out.write(bytes);
      out.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the data directory does not support atomic rename: " + dir, e);
    }
    forceDirectory();
  }

  /** Makes the rename itself durable (POSIX); where a directory cannot be opened (Windows) it is skipped. */
  private void forceDirectory() throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (UnsupportedOperationException | AccessDeniedException e) {
      log.debug("cannot fsync directory {} on this platform", dir);
    }
  }

  @Override
  public String describe() {
    return file.toAbsolutePath().toString();
  }
}
