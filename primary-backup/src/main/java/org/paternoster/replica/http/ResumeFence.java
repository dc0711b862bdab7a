package org.paternoster.replica.http;

import java.util.OptionalLong;

/**
 * Notices that this process was frozen (SIGSTOP, a stalled VM, a long GC pause) from a gap
 * between its own timer ticks, and stays closed after such a gap until the view service has
 * answered a ping sent after it.
 *
 * <p>Protects invariant 5 (fencing at the edge) against the one window fencing by viewnum cannot
 * cover: a primary resumed after a pause does not know yet that it was replaced, and its timers
 * fire before its next ping answer arrives; pushing its old book then would turn off lamps of
 * calls its successor has committed meanwhile. A view service that is merely unreachable does not
 * close the fence (no view change can happen without it). Sans-I/O: times are nanoTime values.
 */
final class ResumeFence {
  private final long gapNanos;
  private long lastTickNanos;
  private long resumedAtNanos;
  private boolean resumed;

  ResumeFence(long gapMs, long nowNanos) {
    this.gapNanos = gapMs * 1_000_000L;
    this.lastTickNanos = nowNanos;
  }

  /** Called from a frequent timer (and by {@link #open}); a gap longer than the threshold is a pause. */
  void tick(long nowNanos) {
    if (nowNanos - lastTickNanos > gapNanos) {
      resumed = true;
      resumedAtNanos = nowNanos;
    }
    lastTickNanos = nowNanos;
  }

  /** True unless a pause was seen and no view-service answer has arrived since it ended. */
  boolean open(long nowNanos, OptionalLong lastViewReplyNanos) {
    tick(nowNanos);
    if (!resumed) return true;
    if (lastViewReplyNanos.isPresent() && lastViewReplyNanos.getAsLong() - resumedAtNanos > 0) {
      resumed = false;
      return true;
    }
    return false;
  }
}
