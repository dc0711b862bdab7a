package org.paternoster.orders.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.OrderJson;
import org.paternoster.orders.Snapshot;

/** Snapshots: replace, the crash inside it, compaction, unreadable files. */
class BookLogSnapshotTest extends BookLogFiles {
  final History history = new History();

  @Test
  void replaceThenMoreAppends() throws IOException {
    History transferred = new History("g2"); // a state transfer from another lineage
    transferred.drive(null, 70);
    try (BookLog log = BookLog.open(dir)) {
      log.recover();
      history.drive(log, 50);
      log.sync();
      log.replace(transferred.book.snapshot());
      assertThat(log.syncedSeq()).isEqualTo(70);
      assertThat(logLines()).hasSize(1); // just the header
      transferred.drive(log, 10);
      log.sync();
    }
    assertThat(recover().snapshot()).isEqualTo(transferred.at(80));
    assertThat(logLines()).hasSize(1 + 10);
  }

  @Test
  void crashBetweenSnapshotRenameAndLogReset() throws IOException {
    byte[] oldLog = syncThenReplace(40, history.at(40));
    Files.write(logFile(), oldLog); // as if the crash came before the log was reset: records 1..40 <= lastSeq
    try (BookLog log = BookLog.open(dir)) {
      assertThat(log.recover().snapshot()).isEqualTo(history.at(40));
      for (long s = 41; s <= 50; s++) log.append(history.op(s));
      log.sync();
    }
    assertThat(recover().snapshot()).isEqualTo(history.at(50));
  }

  @Test
  void crashInsideAReplaceThatGoesBackInSeqKeepsNoOldRecord() throws IOException {
    History newLineage = new History("g2"); // e.g. after a total loss: seq starts over
    byte[] oldLog = syncThenReplace(40, newLineage.at(3));
    Files.write(logFile(), oldLog); // old records 4..40 are above the new lastSeq: they must not apply
    assertThat(recover().snapshot()).isEqualTo(newLineage.at(3));
  }

  @Test
  void logRecordsAlreadyInTheSnapshotAreSkipped() throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      log.recover();
      log.replace(history.at(40));
    }
    for (long s = 35; s <= 45; s++) {
      Files.write(logFile(), Frame.encode(OrderJson.sequenced(history.op(s))), StandardOpenOption.APPEND);
    }
    assertThat(recover().snapshot()).isEqualTo(history.at(45));
  }

  @Test
  void compactionKeepsTheRecoveredStateIdentical() throws IOException {
    int compactions = 0;
    try (BookLog log = BookLog.open(dir, 50)) {
      log.recover();
      for (int i = 0; i < 175; i++) {
        history.drive(log, 1);
        if (i % 7 == 0) log.sync(); // some records still unsynced when compaction comes
        if (log.maybeCompact(history.book)) compactions++;
        assertThat(log.logRecords()).isLessThan(50);
      }
      log.sync();
      assertThat(logLines()).hasSize(1 + (int) log.logRecords());
      assertThat(log.syncedSeq()).isEqualTo(175);
    }
    assertThat(compactions).isEqualTo(3);
    assertThat(recover().snapshot()).isEqualTo(history.book.snapshot());
  }

  @Test
  void compactionRefusesABookBehindTheLog() throws IOException {
    try (BookLog log = BookLog.open(dir, 5)) {
      log.recover();
      history.drive(log, 5);
      OrderBook behind = OrderBook.of(history.at(4));
      assertThatThrownBy(() -> log.maybeCompact(behind)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anUnreadableSnapshotIsAnErrorNamingIt() throws IOException {
    syncThenReplace(10, history.at(10));
    Path snapshot = dir.resolve(BookLog.SNAPSHOT);
    String good = Files.readString(snapshot);
    for (String bad : new String[] {good.replace("\"lastSeq\":10", "\"lastSeq\":11"), good.substring(0, good.length() / 2), ""}) {
      Files.writeString(snapshot, bad);
      try (BookLog log = BookLog.open(dir)) {
        assertThatThrownBy(log::recover).isInstanceOf(IOException.class).hasMessageContaining(snapshot.toString());
      }
    }
  }

  @Test
  void aLogFollowingAMissingSnapshotIsAnError() throws IOException {
    syncThenReplace(10, history.at(10));
    Files.delete(dir.resolve(BookLog.SNAPSHOT));
    try (BookLog log = BookLog.open(dir)) {
      assertThatThrownBy(log::recover).isInstanceOf(IOException.class).hasMessageContaining(logFile().toString());
    }
  }

  @Test
  void anUnreadableLogHeaderIsAnError() throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      log.recover();
    }
    Files.writeString(logFile(), "00000000 {\"epoch\":0}\n");
    try (BookLog log = BookLog.open(dir)) {
      assertThatThrownBy(log::recover).isInstanceOf(IOException.class).hasMessageContaining(logFile().toString());
    }
  }

  /** Syncs {@code n} records, then replaces them by {@code snapshot}; returns the log as it was before. */
  byte[] syncThenReplace(int n, Snapshot snapshot) throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      log.recover();
      for (long seq = 1; seq <= n; seq++) log.append(history.op(seq));
      log.sync();
      byte[] before = Files.readAllBytes(logFile());
      log.replace(snapshot);
      return before;
    }
  }
}
