package org.paternoster.orders.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code writer.json}: the book on disk is always exactly what the incarnation it names made
 * durable (invariant 9), so a view service may let a process that recovered it succeed that one.
 */
class BookLogWriterTest extends BookLogFiles {
  final History history = new History();

  /** Opens, recovers, names {@code incarnation} as writer, and returns what was recovered as the writer. */
  private String restartAs(String incarnation, int opsToSync) throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      log.recover();
      String recovered = log.recoveredWriter();
      log.writtenBy(incarnation);
      history.drive(log, opsToSync);
      log.sync();
      return recovered;
    }
  }

  @Test
  void aProcessIsNamedBeforeItsFirstWriteAndAProcessThatWritesNothingLeavesTheNameAlone() throws IOException {
    assertThat(restartAs("p1", 0)).as("a new directory").isNull();
    assertThat(restartAs("p2", 10)).as("p1 wrote nothing: still nobody's").isNull();
    assertThat(restartAs("p3", 0)).isEqualTo("p2");
    assertThat(restartAs("p4", 0)).as("p3 recovered p2's book and wrote nothing: it is still p2's").isEqualTo("p2");
    assertThat(restartAs("p5", 5)).isEqualTo("p2");
    assertThat(restartAs("p6", 0)).isEqualTo("p5");
    assertThat(recover().snapshot()).isEqualTo(history.at(15));
  }

  @Test
  void aReplacedBookNamesItsWriterToo() throws IOException {
    restartAs("p1", 10);
    try (BookLog log = BookLog.open(dir)) {
      log.recover();
      log.writtenBy("p2");
      log.replace(history.at(3)); // a transfer installed, or a new lineage
    }
    assertThat(restartAs("p3", 0)).isEqualTo("p2");
  }

  @Test
  void anUnreadableNameIsNobodysNotAnError() throws IOException {
    restartAs("p1", 10);
    Files.write(dir.resolve(BookLog.WRITER), "0000 {not json\n".getBytes());
    assertThat(restartAs("p2", 0)).isNull();
    assertThat(recover().snapshot()).as("the book itself is intact").isEqualTo(history.at(10));
  }
}
