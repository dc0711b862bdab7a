package org.paternoster.orders.durable;

import java.io.IOException;
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

  List<String> logLines() throws IOException {
    return Files.readAllLines(logFile(), StandardCharsets.UTF_8);
  }

  /** Opens the directory again, as a restarted process would, and recovers the book. */
  OrderBook recover() throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      return log.recover();
    }
  }
}
