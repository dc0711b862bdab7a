package org.paternoster.orders.durable;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code writer.json}: one {@link Frame} {@code {"writer":INCARNATION}} naming the process
 * incarnation that last changed the book in this directory. {@link BookLog} replaces it durably
 * before that incarnation's first write, so whenever it names an incarnation, the book on disk is
 * exactly what that incarnation made durable.
 */
final class WriterFile {
  private static final Logger LOG = LoggerFactory.getLogger(WriterFile.class);

  private WriterFile() {}

  /**
   * The incarnation named in {@code file}, or null when there is none (a directory from before this
   * file existed) or it cannot be read: then nobody can claim the book as that process's, which
   * only ever costs availability (a view service waiting for a replica under {@code
   * --on-total-loss wait}).
   */
  static String read(Path file) throws IOException {
    if (!Files.exists(file)) return null;
    byte[] bytes = Files.readAllBytes(file);
    try {
      if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') throw new Frame.BadFrame("truncated");
      String writer = Frame.decode(bytes, bytes.length - 1).getString("writer");
      if (writer == null || writer.isBlank()) throw new Frame.BadFrame("no writer");
      return writer;
    } catch (Frame.BadFrame | RuntimeException e) {
      LOG.warn("unreadable {} ({}): the book's writer is unknown", file, e.getMessage());
      return null;
    }
  }

  /** Durably and atomically names {@code writer} in {@code file}. */
  static void write(Path file, String writer) throws IOException {
    DurableFiles.replaceAtomically(file, Frame.encode(new JsonObject().put("writer", writer)));
  }
}
