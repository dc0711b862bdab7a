package org.paternoster.replica.client;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter between {@code minMs} and {@code maxMs}. */
record Backoff(long minMs, long maxMs) {
  long delay(int attempt) {
    long cap = Math.min(maxMs, minMs << Math.min(attempt, 20));
    return minMs + ThreadLocalRandom.current().nextLong(Math.max(1, cap - minMs + 1));
  }
}
