package org.paternoster.orders.durable;

import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.OrderJson;
import org.paternoster.orders.Sequenced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code log.jsonl} during recovery: checks its header, replays its records onto a book. */
final class LogReplay {
  private static final Logger LOG = LoggerFactory.getLogger(LogReplay.class);

  /**
   * What replay found. {@code superseded}: the log follows an older snapshot (a crash inside {@link
   * BookLog#replace}), so none of it applies. Otherwise {@code goodBytes} is the length of the
   * intact prefix (header and {@code records} records); anything after it is to be cut.
   */
  record Result(boolean superseded, long goodBytes, long records) {}

  private LogReplay() {}

  /**
   * Applies to {@code book} (recovered from snapshot epoch {@code epoch}) every intact record in
   * order: one with seq {@code <= lastSeq} is skipped (already in the snapshot), the first torn,
   * corrupt or gapped one ends the replay with a warning. A zero byte where a line starts is the
   * end of the log ({@link BookLog}'s zero fill): no warning. Throws if the header is unreadable or
   * names a newer snapshot than the one present: neither can come from a crash, and guessing
   * would lose or invent data.
   */
  static Result replay(Path logFile, long epoch, OrderBook book) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(logFile), 1 << 16)) {
      byte[] line = new byte[512];
      long good = 0;
      long records = 0;
      for (boolean header = true; ; header = false) {
        int len = 0;
        int b;
        while ((b = in.read()) > 0 && b != '\n') { // a zero byte (never in a frame) ends the line: the zero fill
          if (len == line.length) line = Arrays.copyOf(line, len * 2);
          line[len++] = (byte) b;
        }
        if (b <= 0 && len == 0 && !header) { // end of file, or the zero fill
          if (b == 0 && !onlyZerosFollow(in)) {
            LOG.warn("{}: data after the zero fill at byte {} (damage, not a crash); recovered up to seq {}, cutting the rest", logFile, good,
                book.lastSeq());
          }
          return new Result(false, good, records);
        }
        try {
          if (b <= 0) throw new Frame.BadFrame("partial line");
          JsonObject o = Frame.decode(line, len);
          if (header) {
            long follows = o.getLong("epoch");
            if (follows > epoch) {
              throw new IOException(logFile + " follows snapshot epoch " + follows + " but the snapshot is epoch " + epoch + " (0: none)");
            }
            if (follows < epoch) return new Result(true, 0, 0);
          } else {
            Sequenced s = OrderJson.sequenced(o);
            if (s.seq() > book.lastSeq() + 1) throw new Frame.BadFrame("gap: seq " + s.seq() + " after " + book.lastSeq());
            if (s.seq() == book.lastSeq() + 1) book.apply(s);
            records++;
          }
        } catch (Frame.BadFrame | RuntimeException e) {
          if (header) throw new IOException("unreadable header of " + logFile + ": " + e.getMessage(), e);
          LOG.warn("{}: bad record at byte {} ({}); recovered up to seq {}, cutting the rest", logFile, good, e.getMessage(), book.lastSeq());
          return new Result(false, good, records);
        }
        good += len + 1;
      }
    }
  }

  /** Reads {@code in} to its end; whether every byte was zero (a crash leaves nothing after the fill). */
  private static boolean onlyZerosFollow(InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) != -1; ) {
      for (int i = 0; i < n; i++) if (buf[i] != 0) return false;
    }
    return true;
  }
}
