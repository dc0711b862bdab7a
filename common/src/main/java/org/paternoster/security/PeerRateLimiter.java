package org.paternoster.security;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per peer address (sans-I/O: the caller passes {@code now}): each peer may make
 * {@code perSecond} requests a second on average, {@code burst} at once. Used for what strangers
 * can send (unsigned requests and refused signatures); members' signed requests are not counted.
 * Bounded: at most {@code maxPeers} buckets, the least recently used forgotten first (a forgotten
 * peer starts again with a full bucket, which is the generous direction). Thread-safe.
 */
public final class PeerRateLimiter {
  private final double perMs;
  private final double burst;
  private final int maxPeers;
  private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

  public PeerRateLimiter(double perSecond, double burst, int maxPeers) {
    this.perMs = perSecond / 1000.0;
    this.burst = burst;
    this.maxPeers = maxPeers;
  }

  /** Whether {@code peer} may make one more request now; if so it is counted. */
  public synchronized boolean tryAcquire(String peer, long nowMs) {
    Bucket b = buckets.get(peer);
    if (b == null) {
      if (buckets.size() >= maxPeers) {
        Iterator<Map.Entry<String, Bucket>> eldest = buckets.entrySet().iterator();
        eldest.next();
        eldest.remove();
      }
      b = new Bucket(burst, nowMs);
      buckets.put(peer, b);
    }
    b.tokens = Math.min(burst, b.tokens + Math.max(0, nowMs - b.lastMs) * perMs);
    b.lastMs = Math.max(b.lastMs, nowMs);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Milliseconds until {@code peer} has a token again (for {@code Retry-After}); 0 when it has one. */
  public synchronized long waitMs(String peer) {
    Bucket b = buckets.get(peer);
    return b == null || b.tokens >= 1 ? 0 : (long) Math.ceil((1 - b.tokens) / perMs);
  }

  private static final class Bucket {
    double tokens;
    long lastMs;

    Bucket(double tokens, long lastMs) {
      this.tokens = tokens;
      this.lastMs = lastMs;
    }
  }
}
