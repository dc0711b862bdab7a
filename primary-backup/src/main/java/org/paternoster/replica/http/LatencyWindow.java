package org.paternoster.replica.http;

import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Arrays;

/** Commit latencies of the last {@code windowMs}, for the dashboard's p50/p99. Event-loop confined. */
final class LatencyWindow {
  private static final int MAX_SAMPLES = 20_000;
  private final long windowMs;
  private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {at, micros}

  LatencyWindow(long windowMs) {
    this.windowMs = windowMs;
  }

  void record(long at, long micros) {
    samples.addLast(new long[] {at, micros});
    if (samples.size() > MAX_SAMPLES) samples.removeFirst();
  }

  JsonObject summary(long now) {
    while (!samples.isEmpty() && samples.peekFirst()[0] < now - windowMs) samples.removeFirst();
    long[] sorted = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
    return new JsonObject()
        .put("count", sorted.length)
        .put("p50Ms", percentile(sorted, 0.50))
        .put("p99Ms", percentile(sorted, 0.99));
  }

  private static Double percentile(long[] sorted, double q) {
    if (sorted.length == 0) return null;
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return Math.round(sorted[Math.max(0, i)] / 10.0) / 100.0;
  }

  @Override
  public String toString() {
    return Arrays.toString(samples.toArray());
  }
}
