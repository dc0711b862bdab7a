package org.paternoster.traffic;

import org.paternoster.dispatch.Building;
import org.paternoster.dispatch.Kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.paternoster.dispatch.NearestCarDispatcher;

/**
 * Validity check 1 (docs/DISPATCH.md): one car of capacity P, 20·P people at the lobby at t = 0
 * with uniform destinations; the mean lobby-to-lobby cycle is within ±3 % of the classical
 * RTT = 2·H·t_v + (S+1)·t_s + 2·P·t_p, S = N(1−(1−1/N)^P), H = N − Σ_{i=1}^{N−1}(i/N)^P, with
 * t_s = t_f(1) − t_v + doors open + doors close + start delay. Ten seeds pooled (a single seed's 19
 * cycles have a standard error near 2 %).
 */
class RoundTripTimeTest {
  @Test
  void mid16CycleMatchesTheClassicalFormula() {
    Building b = Building.MID16;
    int p = b.capacity(), n = b.floors() - 1;
    assertThat(classicalRtt(b, 0.8 * p)).isCloseTo(132.6, within(0.1)); // the spec's sizing at 80 % load
    assertThat(classicalRtt(Building.LOW10, 0.8 * p)).isCloseTo(117.8, within(0.1));
    double rtt = classicalRtt(b, p);

    double sum = 0;
    int cycles = 0;
    for (long seed = 1; seed <= 10; seed++) {
      Random random = new Random(seed);
      List<Passenger> crowd = new ArrayList<>();
      for (int i = 0; i < 20 * p; i++) crowd.add(new Passenger(i, 0.0, 0, 1 + random.nextInt(n)));
      Simulation sim = new Simulation(b.withCars(1, p), crowd, new NearestCarDispatcher(), 0, null).run();
      TreeSet<Double> lobbyOpenings = new TreeSet<>();
      crowd.forEach(x -> lobbyOpenings.add(x.waitEndAt()));
      assertThat(lobbyOpenings).hasSize(20);
      sum += lobbyOpenings.last() - lobbyOpenings.first();
      cycles += lobbyOpenings.size() - 1;
    }
    double mean = sum / cycles;
    assertThat(mean / rtt).as("simulated %.1f s vs classical %.1f s", mean, rtt).isBetween(0.97, 1.03);
  }

  static double classicalRtt(Building b, double p) {
    int n = b.floors() - 1;
    Kinematics k = new Kinematics(b);
    double tv = b.floorHeightM() / b.speedMps();
    double ts = k.floorsTime(1) - tv + b.doorOpenS() + b.doorCloseS() + b.startDelayS();
    double s = n * (1 - Math.pow(1 - 1.0 / n, p));
    double h = n;
    for (int i = 1; i < n; i++) h -= Math.pow((double) i / n, p);
    return 2 * h * tv + (s + 1) * ts + 2 * p * b.transferS();
  }
}
