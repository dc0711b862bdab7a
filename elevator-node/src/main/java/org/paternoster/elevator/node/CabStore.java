package org.paternoster.elevator.node;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.paternoster.durable.AtomicFile;

/**
 * This car's lit cab calls on disk ({@code cab-calls.json} in the data directory), so they
 * survive a kill -9 or power loss of the node (invariant 7). Written with fsync before the lamp
 * goes on. Without a data directory the store keeps nothing (said at start-up).
 */
final class CabStore {
  private final AtomicFile file;

  CabStore(Path dataDir) {
    this.file = dataDir == null ? null : new AtomicFile(dataDir.resolve("cab-calls.json"));
  }

  boolean durable() {
    return file != null;
  }

  Map<Integer, Long> load() {
    Map<Integer, Long> cab = new TreeMap<>();
    if (file == null) return cab;
    try {
      file.read().ifPresent(text -> new JsonObject(text).getJsonObject("cab", new JsonObject())
          .forEach(e -> cab.put(Integer.parseInt(e.getKey()), ((Number) e.getValue()).longValue())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cab;
  }

  void save(Map<Integer, Long> cab) {
    if (file == null) return;
    JsonObject calls = new JsonObject();
    cab.forEach((floor, seq) -> calls.put(Integer.toString(floor), seq));
    try {
      file.write(new JsonObject().put("cab", calls).encode());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make cab calls durable in " + file.path(), e);
    }
  }
}
