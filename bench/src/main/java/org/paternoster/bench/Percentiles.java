package org.paternoster.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/** A latency distribution as JSON: [percentile, milliseconds] pairs from the minimum to the maximum (for the figures). */
final class Percentiles {
  static final double[] POINTS = {0, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};

  private Percentiles() {}

  /** {@code micros} as [[0, min ms], [10, ...], ..., [100, max ms]]. */
  static JsonArray of(Histogram micros) {
    JsonArray out = new JsonArray();
    for (double p : POINTS) {
      long v = p == 0 ? micros.getMinValue() : p == 100 ? micros.getMaxValue() : micros.getValueAtPercentile(p);
      out.add(new JsonArray().add(p).add(ms(v)));
    }
    return out;
  }

  /** {@code micros} in short: {@code {"presses", "p50_ms", "p99_ms", "max_ms"}} (the warm-up presses of the light benchmarks). */
  static JsonObject summary(Histogram micros) {
    return new JsonObject().put("presses", micros.getTotalCount()).put("p50_ms", ms(micros.getValueAtPercentile(50)))
        .put("p99_ms", ms(micros.getValueAtPercentile(99))).put("max_ms", ms(micros.getMaxValue()));
  }

  /** Microseconds as milliseconds, two decimals. */
  static double ms(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }
}
