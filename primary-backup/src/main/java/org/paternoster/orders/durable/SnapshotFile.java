package org.paternoster.orders.durable;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.OrderJson;
import org.paternoster.orders.Snapshot;

/** {@code snapshot.json}: one {@link Frame} holding {@code {"epoch":E,"snapshot":<OrderJson.snapshot>}}. */
final class SnapshotFile {
  private SnapshotFile() {}

  /** A snapshot's epoch (0 if there is no snapshot file) and the book it holds. */
  record Read(long epoch, OrderBook book) {}

  /** The snapshot at {@code file}, or epoch 0 and an empty book if there is none. */
  static Read read(Path file) throws IOException {
    if (!Files.exists(file)) return new Read(0, new OrderBook());
    byte[] bytes = Files.readAllBytes(file);
    try {
      if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') throw new Frame.BadFrame("truncated");
      JsonObject o = Frame.decode(bytes, bytes.length - 1);
      long epoch = o.getLong("epoch");
      if (epoch < 1) throw new Frame.BadFrame("epoch " + epoch);
      return new Read(epoch, OrderBook.of(OrderJson.snapshot(o.getJsonObject("snapshot"))));
    } catch (Frame.BadFrame | RuntimeException e) {
      throw new IOException("unreadable snapshot " + file + ": " + e.getMessage(), e);
    }
  }

  /** Durably and atomically replaces {@code file} by snapshot {@code s} as epoch {@code epoch}. */
  static void write(Path file, long epoch, Snapshot s) throws IOException {
    JsonObject payload = new JsonObject().put("epoch", epoch).put("snapshot", OrderJson.snapshot(s));
    DurableFiles.replaceAtomically(file, Frame.encode(payload));
  }
}
