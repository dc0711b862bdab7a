package org.paternoster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfPlotTest {
  static JsonObject commit(String system, int clients, double opsPerS, double p99) {
    return new JsonObject().put("bench", "commit").put("system", system).put("clients", clients).put("ops_per_s", opsPerS).put("p99_ms", p99);
  }

  @Test
  void drawsEachSystemByClientsAndEachLightRunAsADistributionLeavingOutNotesAndTheWarmUp() {
    String html = PerfPlot.html(List.of(
        commit("paternoster", 1, 2_000, 4), commit("paternoster", 16, 30_000, 3), commit("redis <SET>", 1, 5_000, 0.5),
        commit("redis <SET>", 16, 50_000, 0.9),
        new JsonObject().put("bench", "scale").put("elevators", 64).put("percentiles_ms", new io.vertx.core.json.JsonArray()
            .add(new io.vertx.core.json.JsonArray().add(0).add(15)).add(new io.vertx.core.json.JsonArray().add(99).add(60))
            .add(new io.vertx.core.json.JsonArray().add(100).add(90))),
        new JsonObject().put("bench", "something-else"),
        new JsonObject().put("bench", "commit").put("setting", "a note about the run, no measurement"),
        commit("paternoster", 16, 9_000, 40).put("phase", "JIT warm-up, not a measurement")));
    assertThat(html.split("<svg ", -1)).as("throughput, p99, light").hasSize(1 + 3);
    assertThat(html.split("<polyline ", -1)).as("two systems in two charts, one light run").hasSize(1 + 5);
    assertThat(html.split("<circle ", -1)).as("a dot per measured point").hasSize(1 + 8);
    assertThat(html).contains("redis &lt;SET&gt;, 16 clients: 50000", "64 elevators (bench-scale)").doesNotContain("<SET>");
  }

  @Test
  void theHttpFloorIsDrawnBesideTheSystemsOneSeriesPerHopCount() {
    String html = PerfPlot.html(List.of(commit("paternoster", 16, 30_000, 3),
        new JsonObject().put("bench", "http-floor").put("hops", 1).put("clients", 16).put("ops_per_s", 140_000).put("p99_ms", 0.2),
        new JsonObject().put("bench", "http-floor").put("hops", 2).put("clients", 16).put("ops_per_s", 66_000).put("p99_ms", 0.4),
        new JsonObject().put("bench", "http-floor").put("hops", 2).put("clients", 16).put("ops_per_s", 1).put("phase", "JIT warm-up, not a measurement")));
    assertThat(html.split("<polyline ", -1)).as("three series in two charts").hasSize(1 + 6);
    assertThat(html).contains("Vert.x HTTP floor, 1 hop, no work, 16 clients: 140000",
        "Vert.x HTTP floor, 2 hops, no work, no group commit, 16 clients: 66000").doesNotContain(": 1<");
  }

  @Test
  void withOnlyLightRunsThereAreNoCommitCharts() {
    String html = PerfPlot.html(List.of(new JsonObject().put("bench", "button-to-light").put("percentiles_ms",
        new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonArray().add(50).add(20)))));
    assertThat(html.split("<svg ", -1)).hasSize(2);
    assertThat(html).contains("1 elevator (bench-light)");
  }
}
