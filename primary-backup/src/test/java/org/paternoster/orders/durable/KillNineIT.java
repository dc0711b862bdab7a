package org.paternoster.orders.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.orders.OrderBook;
import org.paternoster.process.ChildProcess;

/**
 * Real crashes: a child JVM appends, syncs and compacts in a loop, printing each synced seq, and is
 * killed with SIGKILL at a random point (in a sync, a compaction or between them), several times
 * over one directory. After each kill, recovery must hold every record the child reported synced,
 * and exactly the book the operations up to the recovered seq give.
 */
class KillNineIT {
  private static final Pattern SEQ = Pattern.compile("\\d+");
  private static final Duration STARTUP = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void recoversEverySyncedRecordAfterKill9() throws Exception {
    Random random = new Random(7);
    History history = new History();
    long reported = 0;
    for (int kill = 0; kill < 4; kill++) {
      long killAt = reported + 500 + random.nextInt(2_000);
      try (ChildProcess child = ChildProcess.start("book-log-writer-" + kill, Writer.class, dir.toString())) {
        child.awaitLine("a synced seq >= " + killAt, line -> SEQ.matcher(line).matches() && Long.parseLong(line) >= killAt, STARTUP);
        child.kill9();
        // Everything it printed before the kill was synced: the last seq printed is the floor for recovery.
        for (String line : child.lines()) if (SEQ.matcher(line).matches()) reported = Long.parseLong(line);
      }
      assertThat(reported).isGreaterThanOrEqualTo(killAt);
      try (BookLog log = BookLog.open(dir)) {
        OrderBook book = log.recover();
        assertThat(book.lastSeq()).isGreaterThanOrEqualTo(reported);
        assertThat(book.snapshot()).isEqualTo(history.at(book.lastSeq()));
      }
    }
  }

  /** The child: recovers, then forever appends a batch, syncs, prints the synced seq, maybe compacts. */
  public static final class Writer {
    public static void main(String[] args) throws IOException {
      Random random = new Random();
      History history = new History();
      try (BookLog log = BookLog.open(Path.of(args[0]), 300)) {
        long seq = log.recover().lastSeq();
        while (true) {
          for (int n = 1 + random.nextInt(50); n > 0; n--) log.append(history.op(++seq));
          log.sync();
          System.out.println(log.syncedSeq());
          System.out.flush();
          log.maybeCompact(history.book);
        }
      }
    }
  }
}
