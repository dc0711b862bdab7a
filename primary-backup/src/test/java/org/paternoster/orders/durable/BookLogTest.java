package org.paternoster.orders.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.OrderJson;
import org.paternoster.orders.Sequenced;

/** Appending, group commit and recovery from torn or corrupt logs. */
class BookLogTest extends BookLogFiles {
  final History history = new History();

  @Test
  void roundTrip() throws IOException {
    Path data = dir.resolve("new/data"); // open() creates missing directories
    try (BookLog log = BookLog.open(data)) {
      assertThat(log.recover().lastSeq()).isZero();
      history.drive(log, 2_000);
      log.sync();
      assertThat(log.syncedSeq()).isEqualTo(2_000);
    }
    try (BookLog log = BookLog.open(data)) {
      OrderBook recovered = log.recover();
      assertThat(recovered.snapshot()).isEqualTo(history.book.snapshot());
      assertThat(recovered.pending()).isNotEmpty();
      assertThat(recovered.snapshot().receipts()).hasSizeLessThan(2_000); // some requests were resends
      assertThat(log.syncedSeq()).isEqualTo(2_000);
    }
  }

  @Test
  void syncedRecordsSurviveAndUnsyncedOnesLiveOnlyInMemory() throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      log.recover();
      history.drive(log, 10);
      log.sync();
      long end = recordsEnd();
      history.drive(log, 5);
      assertThat(recordsEnd()).isEqualTo(end); // nothing written before sync()
      assertThat(log.syncedSeq()).isEqualTo(10);
    } // close() drops them, as any crash would
    assertThat(recover().snapshot()).isEqualTo(history.at(10));
  }

  @Test
  void groupCommitIsOneFsyncPerSync() throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      log.recover();
      log.sync();
      assertThat(log.syncCount()).isZero(); // nothing pending: no fsync
      history.drive(log, 100);
      log.sync();
      assertThat(log.syncCount()).isEqualTo(1);
      log.sync();
      assertThat(log.syncCount()).isEqualTo(1);
      history.drive(log, 1);
      log.sync();
      assertThat(log.syncCount()).isEqualTo(2);
      assertThat(log.syncedSeq()).isEqualTo(101);
    }
    assertThat(recover().lastSeq()).isEqualTo(101);
  }

  @Test
  void syncsInsideTheZeroFillLeaveTheFileSizeAlone() throws IOException {
    try (BookLog log = BookLog.open(dir, BookLog.DEFAULT_COMPACT_AFTER, 8192)) {
      log.recover();
      history.drive(log, 1);
      log.sync();
      long size = Files.size(logFile());
      assertThat(size).as("zero-filled ahead of the records").isGreaterThan(recordsEnd() + 8000);
      for (int i = 0; i < 10; i++) {
        history.drive(log, 3);
        log.sync();
      }
      assertThat(Files.size(logFile())).as("overwriting the fill: fdatasync is enough").isEqualTo(size);
      assertThat(logLines()).hasSize(1 + 31);
    }
    assertThat(recover().snapshot()).isEqualTo(history.at(31));
  }

  @Test
  void batchesThatRunPastTheZeroFillExtendIt() throws IOException {
    try (BookLog log = BookLog.open(dir, BookLog.DEFAULT_COMPACT_AFTER, 256)) { // a record is about 100 bytes
      log.recover();
      for (int i = 0; i < 40; i++) {
        history.drive(log, 1 + i % 4);
        log.sync();
        byte[] file = Files.readAllBytes(logFile());
        long end = recordsEnd();
        assertThat(logLines()).hasSize(1 + (int) log.syncedSeq());
        assertThat(file.length - end).as("a fill after the records").isPositive();
        for (long b = end; b < file.length; b++) assertThat(file[(int) b]).isZero();
      }
    }
    assertThat(recover().snapshot()).isEqualTo(history.at(100));
  }

  @Test
  void tornTailIsCutAndLaterAppendsAreClean() throws IOException {
    syncRecords(20);
    long good = recordsEnd();
    byte[] next = Frame.encode(OrderJson.sequenced(history.op(21)));
    writeAfterTheRecords(Arrays.copyOf(next, next.length / 2)); // crash mid-write: half a line, then the zero fill
    assertRecoversToAndContinues(20, good);
  }

  @Test
  void garbageAfterTheLastRecordIsCut() throws IOException {
    syncRecords(20);
    long good = recordsEnd();
    writeAfterTheRecords("0badc0de {\"seq\":21}\n".getBytes(StandardCharsets.UTF_8));
    assertRecoversToAndContinues(20, good);
  }

  /** Not a crash (a crash leaves zeros after its last write), but damage: recovered up to the fill, the rest cut, and a warning. */
  @Test
  void dataAfterTheZeroFillIsCut() throws IOException {
    syncRecords(20);
    long good = recordsEnd();
    writeAt(good + 100, Frame.encode(OrderJson.sequenced(history.op(21))));
    assertRecoversToAndContinues(20, good);
  }

  @Test
  void corruptChecksumInTheMiddleEndsTheLog() throws IOException {
    syncRecords(30);
    List<String> lines = logLines();
    String line11 = lines.get(11); // line 0 is the header
    assertThat(line11).contains("\"at\":1011");
    lines.set(11, line11.replace("\"at\":1011", "\"at\":1012")); // still a valid record: only the CRC can tell
    Files.write(logFile(), lines, StandardCharsets.UTF_8);
    assertThat(recover().snapshot()).isEqualTo(history.at(10));
    assertThat(logLines()).hasSize(1 + 10); // the rest was cut
  }

  @Test
  void aGapEndsTheLog() throws IOException {
    syncRecords(30);
    List<String> lines = logLines();
    lines.remove(16); // seq 16 is missing: 17 would follow 15
    Files.write(logFile(), lines, StandardCharsets.UTF_8);
    assertThat(recover().snapshot()).isEqualTo(history.at(15));
    assertThat(logLines()).hasSize(1 + 15); // cut at the gap: appending 16 later must not leave 17.. after it
  }

  @Test
  void appendsMustFollowInOrderAndAfterRecovery() throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      assertThatThrownBy(() -> log.append(history.op(1))).isInstanceOf(IllegalStateException.class);
      log.recover();
      Sequenced second = history.op(2);
      assertThatThrownBy(() -> log.append(second)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(log::recover).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFails() throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      assertThatThrownBy(() -> BookLog.open(dir)).isInstanceOf(IOException.class).hasMessageContaining(dir.toString());
    }
    BookLog.open(dir).close(); // released on close
  }


  void syncRecords(int n) throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      log.recover();
      history.drive(log, n);
      log.sync();
    }
  }

  void assertRecoversToAndContinues(long seq, long goodSize) throws IOException {
    try (BookLog log = BookLog.open(dir)) {
      assertThat(log.recover().snapshot()).isEqualTo(history.at(seq));
      assertThat(Files.size(logFile())).isEqualTo(goodSize); // truncated to the last good line
      for (long s = seq + 1; s <= seq + 10; s++) log.append(history.op(s));
      log.sync();
    }
    assertThat(recover().snapshot()).isEqualTo(history.at(seq + 10));
  }
}
