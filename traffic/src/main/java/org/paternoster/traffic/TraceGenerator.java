package org.paternoster.traffic;

import org.paternoster.dispatch.Building;

import java.util.ArrayList;
import java.util.List;

/**
 * The spec's portable trace generator: SplitMix64 seeded with the seed, u = (next() >>> 11)·2⁻⁵³;
 * per passenger (1) gap = −ln(1−u)/λ, (2) class from u, (3) floors as 1 + ⌊u·N⌋ (an inter-floor
 * destination 1 + ⌊u·(N−1)⌋, skipping the origin); t_ms = ⌊t·1000⌋; until t reaches the duration.
 * Reproduces the shared traces byte for byte (TraceGeneratorTest), and makes traces for any
 * building, scenario and seed.
 */
public final class TraceGenerator {
  private long state;

  private TraceGenerator(long seed) {
    this.state = seed;
  }

  public static List<Passenger> generate(Building b, Scenario s, long seed) {
    return new TraceGenerator(seed).run(b, s);
  }

  /** The CSV text of {@link #generate}, as the shared trace files hold it. */
  public static String csv(List<Passenger> trace) {
    StringBuilder sb = new StringBuilder(TraceReader.HEADER).append('\n');
    for (Passenger p : trace) {
      sb.append(p.id()).append(',').append(Math.round(p.arrivalAt() * 1000)).append(',')
          .append(p.origin()).append(',').append(p.destination()).append('\n');
    }
    return sb.toString();
  }

  private List<Passenger> run(Building b, Scenario s) {
    int n = b.floors() - 1;
    double lambda = s.rate(b);
    List<Passenger> out = new ArrayList<>();
    double t = 0;
    for (long id = 0; ; id++) {
      t += -StrictMath.log(1 - uniform()) / lambda;
      if (t >= s.durationS()) return out;
      double c = uniform();
      int origin, destination;
      if (c < s.incoming()) {
        origin = 0;
        destination = 1 + (int) Math.floor(uniform() * n);
      } else if (c < s.incoming() + s.outgoing()) {
        origin = 1 + (int) Math.floor(uniform() * n);
        destination = 0;
      } else {
        origin = 1 + (int) Math.floor(uniform() * n);
        destination = 1 + (int) Math.floor(uniform() * (n - 1));
        if (destination >= origin) destination++;
      }
      long tMs = (long) Math.floor(t * 1000);
      out.add(new Passenger(id, tMs / 1000.0, origin, destination));
    }
  }

  private double uniform() {
    return (next() >>> 11) * 0x1.0p-53;
  }

  private long next() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
