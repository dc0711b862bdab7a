package org.paternoster.traffic;

import org.paternoster.dispatch.Building;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.paternoster.traffic.bench.Runs;
import org.paternoster.dispatch.NearestCarDispatcher;

/**
 * Validity check 3, with the nearest-car baseline (idle cars wait at the lobby): on MID16 pure
 * up-peak waits stay low at 10 % of the population per 5 minutes and blow up by 14 %; the saturated
 * HC20 run hands 12–13 % of the population out of the lobby per 5 minutes (classical: 11.8 % at 80 % load).
 */
class CapacityKneeTest {
  private static final Building B = Building.MID16;

  private static RunResult upPeak(double pct, long seed) {
    Scenario s = new Scenario("PUREUP" + (int) pct, pct, 1, 0, 0, 4200);
    return Runs.run(B, s, seed, TraceGenerator.generate(B, s, seed), new NearestCarDispatcher());
  }

  @Test
  void waitsAreLowAtTenPercentAndBlowUpByFourteen() {
    for (long seed = 1; seed <= 2; seed++) {
      assertThat(upPeak(10, seed).awt()).as("AWT at 10 %%, seed %d", seed).isLessThan(15);
      assertThat(upPeak(14, seed).awt()).as("AWT at 14 %%, seed %d", seed).isGreaterThan(100);
    }
  }

  @Test
  void saturatedHandlingCapacityIsTwelveToThirteenPercent() {
    Scenario hc20 = Scenario.named("HC20");
    for (long seed = 1; seed <= 2; seed++) {
      RunResult r = Runs.run(B, hc20, seed, TraceGenerator.generate(B, hc20, seed), new NearestCarDispatcher());
      assertThat(r.hc5Pct()).as("HC5, seed %d", seed).isBetween(12.0, 13.0);
    }
  }
}
