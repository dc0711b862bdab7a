package org.paternoster.traffic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paternoster.traffic.RunResult;

/** The benchmark's figure: one bar and one curve per dispatcher per scenario, from the JSON lines. */
class DispatchPlotTest {
  static JsonObject run(String scenario, String dispatcher, long seed, double awt, int... hist) {
    JsonArray h = new JsonArray();
    for (int i = 0; i < RunResult.HISTOGRAM_BINS; i++) h.add(i < hist.length ? hist[i] : 0);
    return new JsonObject().put("building", "MID16").put("scenario", scenario).put("seed", seed).put("dispatcher", dispatcher)
        .put("AWT", awt).put("wait_hist_5s", h);
  }

  @Test
  void eachScenarioHasABarAndACurvePerDispatcher() {
    String html = DispatchPlot.html(List.of(
        run("UP12", "a<b", 1, 10, 5, 5), run("UP12", "a<b", 2, 12, 4, 6), run("UP12", "c", 1, 20, 1, 9),
        run("DOWN12", "a<b", 1, 30, 10), run("DOWN12", "c", 1, 40, 0, 10)));
    assertThat(html).contains("<h2>MID16 UP12</h2>", "<h2>MID16 DOWN12</h2>", "a&lt;b").doesNotContain("a<b");
    assertThat(html.split("<rect ", -1)).hasSize(1 + 4);
    assertThat(html.split("<polyline ", -1)).hasSize(1 + 4);
    assertThat(html).contains("a&lt;b: 11.00 ± 12.71 s"); // mean of 10 and 12, t(1) × sd/√2
  }

  @Test
  void runsWithoutAHistogramStillGetTheirBar() {
    String html = DispatchPlot.html(List.of(new JsonObject().put("building", "LOW10").put("scenario", "UP10").put("seed", 1)
        .put("dispatcher", "x").put("AWT", 3.0)));
    assertThat(html.split("<rect ", -1)).hasSize(2);
    assertThat(html).doesNotContain("<polyline ");
  }
}
