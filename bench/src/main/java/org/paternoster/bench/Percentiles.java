package org.paternoster.bench;

import io.vertx.core.json.JsonArray;
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
      out.add(new JsonArray().add(p).add(Math.round(v / 10.0) / 100.0));
    }
    return out;
  }
}
