package org.paternoster.orders.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.orders.OrderBook;

/** The data directory of the BookLog tests and what they read from it. */
abstract class BookLogFiles {
  @TempDir Path dir;

  Path logFile() {
    return dir.resolve(BookLog.LOG);
  }

  /** The log's lines, up to its zero fill. */
  List<String> logLines() throws IOException {
    byte[] bytes = Files.readAllBytes(logFile());
    return new java.util.ArrayList<>(new String(bytes, 0, (int) recordsEnd(bytes), StandardCharsets.UTF_8).lines().toList());
  }

  /** Where the log's records end: its first zero byte (the zero fill), or its size. */
  long recordsEnd() throws IOException {
    return recordsEnd(Files.readAllBytes(logFile()));
  }

  private static long recordsEnd(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) if (bytes[i] == 0) return i;
    return bytes.length;
  }

  /** Writes {@code bytes} where the next record would go, over the zero fill: what a crash mid-write leaves. */
  void writeAfterTheRecords(byte[] bytes) throws IOException {
    writeAt(recordsEnd(), bytes);
  }

  /** Writes {@code bytes} into the log at byte {@code at}. */
  void writeAt(long at, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(logFile(), StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) at += ch.write(buf, at);
    }
  }

  /** Opens the directory again, as a restarted process would, and recovers the book. */
  OrderBook recover() throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      return log.recover();
    }
  }
}
