package org.paternoster.traffic;

import org.paternoster.dispatch.Building;
import org.paternoster.dispatch.Directions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paternoster.assign.MotorDirection;
import org.paternoster.traffic.dispatch.Dispatchers;

/**
 * Validity check 2: everyone boards once and alights at their destination; load ≤ capacity;
 * nobody boards against their direction; Σ (boarding − arrival) = ∫ (people on landings) dt, so
 * Σ waits = ∫ (number waiting) dt once the boarding lag after the doors opened is taken off.
 */
class ConservationTest {
  static List<String> dispatchers() {
    return Dispatchers.names(null); // every dispatcher the benchmark runs
  }

  @ParameterizedTest
  @MethodSource("dispatchers")
  void lunchOnMid16(String dispatcher) {
    Building b = Building.MID16;
    Scenario s = Scenario.named("LUNCH13");
    List<Passenger> trace = TraceGenerator.generate(b, s, 7);
    Map<Long, Integer> boardings = new HashMap<>();
    Map<Long, Integer> alightings = new HashMap<>();
    double[] area = new double[2]; // ∫ landings dt, last event time
    int[] lastCount = new int[1];
    TrafficListener checker = new TrafficListener() {
      @Override
      public void boarded(Passenger p, int car, int floor, MotorDirection announced, int load, double now) {
        boardings.merge(p.id(), 1, Integer::sum);
        assertThat(floor).isEqualTo(p.origin());
        assertThat(announced).as("%s boards a car going %s", p, announced).isEqualTo(Directions.of(p.direction()));
        assertThat(load).isLessThanOrEqualTo(b.capacity());
      }

      @Override
      public void alighted(Passenger p, int car, int floor, double now) {
        alightings.merge(p.id(), 1, Integer::sum);
        assertThat(floor).isEqualTo(p.destination());
        assertThat(car).isEqualTo(p.car());
      }

      @Override
      public void afterEvent(double now, int onLandings) {
        area[0] += lastCount[0] * (now - area[1]);
        area[1] = now;
        lastCount[0] = onLandings;
      }
    };
    Simulation sim = new Simulation(b, trace, Dispatchers.create(dispatcher, null), s.durationS(), checker).run();

    assertThat(sim.passengers()).allSatisfy(p -> {
      assertThat(boardings.get(p.id())).as("boardings of %s", p).isEqualTo(1);
      assertThat(alightings.get(p.id())).as("alightings of %s", p).isEqualTo(1);
      assertThat(p.waitEndAt()).isBetween(p.arrivalAt(), p.boardedAt());
      assertThat(p.deliveredAt()).isGreaterThan(p.boardedAt());
    });
    double onLandings = sim.passengers().stream().mapToDouble(p -> p.boardedAt() - p.arrivalAt()).sum();
    double waits = sim.passengers().stream().mapToDouble(Passenger::waitTime).sum();
    double lag = sim.passengers().stream().mapToDouble(p -> p.boardedAt() - p.waitEndAt()).sum();
    assertThat(area[0]).isCloseTo(onLandings, within(1e-6 * onLandings));
    assertThat(waits).isCloseTo(area[0] - lag, within(1e-6 * onLandings));
    assertThat(lastCount[0]).isZero();
  }
}
