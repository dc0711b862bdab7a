package org.paternoster.orders.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.orders.OrderBook;

/**
 * Real crashes: a child JVM appends, syncs and compacts in a loop and is killed with SIGKILL at a
 * random point (in a sync, a compaction or between them), several times over one directory. After
 * each kill, recovery must hold every record the child reported synced, and exactly the book the
 * operations up to the recovered seq give.
 */
class KillNineIT {
  @TempDir Path dir;

  @Test
  void recoversEverySyncedRecordAfterKill9() throws Exception {
    Random random = new Random(7);
    History history = new History();
    long reported = 0;
    for (int kill = 0; kill < 4; kill++) {
      Process child = new ProcessBuilder(
              ProcessHandle.current().info().command().orElse("java"),
              "-cp", System.getProperty("java.class.path"),
              Writer.class.getName(), dir.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      long killAt = reported + 500 + random.nextInt(2_000);
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          reported = Long.parseLong(line);
          if (reported >= killAt) break;
        }
      } finally {
        child.destroyForcibly(); // SIGKILL on Linux
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
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
