package org.paternoster.traffic;

import org.paternoster.dispatch.Building;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paternoster.traffic.bench.Runs;
import org.paternoster.traffic.dispatch.Dispatchers;

/**
 * Validity check 4: same trace, dispatcher and seed give byte-identical output. The one field left
 * out is decision_ms_p99: wall-clock time of the dispatcher calls, reported but never compared.
 */
class DeterminismTest {
  static List<String> dispatchers() {
    return Dispatchers.names(null); // every dispatcher the benchmark runs
  }

  @ParameterizedTest
  @MethodSource("dispatchers")
  void twoRunsGiveTheSameBytes(String dispatcher) {
    Building b = Building.LOW10;
    Scenario s = Scenario.named("LUNCH13");
    String first = Runs.run(b, s, 3, TraceGenerator.generate(b, s, 3), Dispatchers.create(dispatcher, null)).toJson(false);
    String second = Runs.run(b, s, 3, fresh(TraceGenerator.generate(b, s, 3)), Dispatchers.create(dispatcher, null)).toJson(false);
    assertThat(second).isEqualTo(first);
    assertThat(first).doesNotContain("decision_ms_p99").contains("\"dispatcher\":\"" + dispatcher + "\"");
  }

  private static List<Passenger> fresh(List<Passenger> trace) {
    List<Passenger> out = new ArrayList<>();
    for (Passenger p : trace) out.add(new Passenger(p.id(), p.arrivalAt(), p.origin(), p.destination()));
    return out;
  }
}
