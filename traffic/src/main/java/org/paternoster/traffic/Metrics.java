package org.paternoster.traffic;

import org.paternoster.dispatch.Building;

import java.util.Arrays;
import java.util.List;

/** Computes a {@link RunResult} from a finished {@link Simulation}. Pure. */
public final class Metrics {
  private Metrics() {}

  /**
   * @param warmupS, endS the measured window: passengers arriving in [warmupS, endS); HC5 counts
   *     lobby boardings in it
   */
  public static RunResult of(Simulation sim, String scenario, long seed, String dispatcher, boolean plansRoutes,
      double warmupS, double endS) {
    Building b = sim.building();
    List<Passenger> measured = sim.passengers().stream().filter(p -> p.arrivalAt() >= warmupS && p.arrivalAt() < endS).toList();
    double[] waits = measured.stream().filter(Passenger::boarded).mapToDouble(Passenger::waitTime).sorted().toArray();
    int undelivered = (int) measured.stream().filter(p -> !p.delivered()).count();
    double attd = measured.stream().filter(Passenger::delivered).mapToDouble(p -> p.deliveredAt() - p.arrivalAt()).average().orElse(Double.NaN);
    double[] sumByFloor = new double[b.floors()];
    int[] nByFloor = new int[b.floors()];
    for (Passenger p : measured) {
      if (!p.boarded()) continue;
      sumByFloor[p.origin()] += p.waitTime();
      nByFloor[p.origin()]++;
    }
    double[] awtByFloor = new double[b.floors()];
    for (int f = 0; f < b.floors(); f++) awtByFloor[f] = nByFloor[f] == 0 ? Double.NaN : sumByFloor[f] / nByFloor[f];
    long lobbyDepartures = sim.passengers().stream()
        .filter(p -> p.origin() == 0 && p.boarded() && p.boardedAt() >= warmupS && p.boardedAt() < endS).count();
    double hc5 = lobbyDepartures * 300.0 / (endS - warmupS) / b.population() * 100;
    return new RunResult(b.name(), scenario, seed, dispatcher, plansRoutes, measured.size(), undelivered,
        mean(waits), attd, percentile(waits, 0.50), percentile(waits, 0.90), percentile(waits, 0.95),
        waits.length == 0 ? Double.NaN : waits[waits.length - 1],
        pctAbove(waits, 30), pctAbove(waits, 60), pctAbove(waits, 90), meanSquare(waits), hc5, sim.stops(), sim.carKm(),
        awtByFloor, RunResult.histogram(waits), percentile(Arrays.stream(sim.decisionNanos()).sorted().mapToDouble(n -> n / 1e6).toArray(), 0.99));
  }

  /** Nearest rank on sorted values: the smallest value with at least q of them at or below it. */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) return Double.NaN;
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
  }

  private static double meanSquare(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).map(x -> x * x).sum() / v.length;
  }

  private static double pctAbove(double[] v, double limit) {
    return v.length == 0 ? Double.NaN : 100.0 * Arrays.stream(v).filter(x -> x > limit).count() / v.length;
  }
}
