package org.paternoster.security;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the nonces of accepted messages until they could no longer pass the freshness check
 * anyway, so each authenticated message is accepted once. Bounded: when {@code capacity} nonces
 * are live, new ones are refused (only peers holding the secret get this far, so the bound limits
 * what a misbehaving member can make us hold, not what a stranger can). Thread-safe.
 */
final class ReplayGuard {
  private final int capacity;
  private final Map<String, Long> expiryByNonce = new HashMap<>();
  private final ArrayDeque<Map.Entry<String, Long>> byArrival = new ArrayDeque<>();

  ReplayGuard(int capacity) {
    this.capacity = capacity;
  }

  enum Outcome { FIRST, REPLAYED, FULL }

  /**
   * Records {@code nonce} as seen until {@code expiresAtMs}. A nonce is forgotten only after its
   * expiry has passed, when a replay would be refused as stale: so forgetting never lets one in.
   */
  synchronized Outcome admit(String nonce, long expiresAtMs, long nowMs) {
    forgetExpired(nowMs);
    if (expiryByNonce.containsKey(nonce)) return Outcome.REPLAYED;
    if (expiryByNonce.size() >= capacity) return Outcome.FULL;
    expiryByNonce.put(nonce, expiresAtMs);
    byArrival.addLast(Map.entry(nonce, expiresAtMs));
    return Outcome.FIRST;
  }

  synchronized int size() {
    return expiryByNonce.size();
  }

  // Arrival order is nearly expiry order (expiry = timestamp + window); an entry behind a later
  // one stays a little longer than needed, which costs memory, never safety.
  private void forgetExpired(long nowMs) {
    while (!byArrival.isEmpty() && byArrival.peekFirst().getValue() < nowMs) {
      expiryByNonce.remove(byArrival.pollFirst().getKey());
    }
  }
}
