package org.paternoster.security;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Accepts each authenticated message once, the way IPsec does (RFC 4303, 3.4.3): every sender
 * session numbers its messages 1, 2, 3, ...; per session this remembers the highest number seen
 * and which of the {@link #WINDOW} numbers below it were seen. A number below the window, or seen
 * already, is a replay. Memory is per live session, not per message, so a member committing
 * tens of thousands of orders a second costs a few hundred bytes.
 *
 * <p>A session idle for longer than {@code forgetAfterMs} is forgotten: every message it sent is
 * then older than the freshness window and refused as stale before it gets here, so forgetting
 * never lets a replay in. Bounded: with {@code capacity} live sessions, new ones are refused (only
 * holders of the secret get this far). Thread-safe.
 */
final class ReplayGuard {
  /** How far behind the newest a message may arrive (concurrent requests of one sender). */
  static final int WINDOW = 4_096;

  private final int capacity;
  private final long forgetAfterMs;
  private final Map<String, Session> sessions = new HashMap<>();
  private long nextSweepMs = Long.MIN_VALUE;

  ReplayGuard(int capacity, long forgetAfterMs) {
    this.capacity = capacity;
    this.forgetAfterMs = forgetAfterMs;
  }

  enum Outcome { FIRST, REPLAYED, FULL }

  synchronized Outcome admit(String session, long number, long nowMs) {
    if (nowMs >= nextSweepMs) sweep(nowMs);
    Session s = sessions.get(session);
    if (s == null) {
      if (sessions.size() >= capacity) return Outcome.FULL;
      s = new Session();
      sessions.put(session, s);
    }
    s.lastUsedMs = nowMs;
    return s.admit(number) ? Outcome.FIRST : Outcome.REPLAYED;
  }

  synchronized int sessions() {
    return sessions.size();
  }

  private void sweep(long nowMs) {
    for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
      if (nowMs - it.next().lastUsedMs > forgetAfterMs) it.remove();
    }
    nextSweepMs = nowMs + Math.max(1, forgetAfterMs / 4);
  }

  /**
   * One sender session's sliding window, circular: bit {@code n mod WINDOW} stands for number n
   * while {@code highest - WINDOW < n <= highest}; advancing clears the bits of the skipped
   * numbers, so each message costs O(1) amortized.
   */
  private static final class Session {
    long highest;
    final BitSet seen = new BitSet(WINDOW);
    long lastUsedMs;

    boolean admit(long number) {
      if (number <= 0) return false;
      if (number > highest) {
        if (number - highest >= WINDOW) {
          seen.clear();
        } else {
          for (long n = highest + 1; n < number; n++) seen.clear(slot(n));
        }
        highest = number;
        seen.set(slot(number));
        return true;
      }
      if (highest - number >= WINDOW || seen.get(slot(number))) return false;
      seen.set(slot(number));
      return true;
    }

    private static int slot(long n) {
      return (int) (n % WINDOW);
    }
  }
}
