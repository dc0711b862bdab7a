package org.paternoster.traffic;

import org.paternoster.dispatch.Building;

import java.util.List;
import java.util.Locale;

/**
 * A traffic pattern of the spec: arrivals per 5 minutes as % of the population, the split into
 * incoming (lobby → upper), outgoing (upper → lobby) and inter-floor, and the run's length.
 * Passengers arriving in [{@link #WARMUP_S}, durationS) are measured.
 */
public record Scenario(String name, double pct, double incoming, double outgoing, double interfloor, double durationS) {
  public static final double WARMUP_S = 600;

  public static final List<Scenario> BUILT_IN = List.of(
      new Scenario("UP12", 12, 0.85, 0.10, 0.05, 4200),
      new Scenario("UP10", 10, 0.85, 0.10, 0.05, 4200),
      new Scenario("LUNCH13", 13, 0.45, 0.45, 0.10, 4200),
      new Scenario("DOWN12", 12, 0.05, 0.90, 0.05, 4200),
      new Scenario("INTER6", 6, 0.10, 0.10, 0.80, 4200),
      new Scenario("HC20", 20, 1.0, 0.0, 0.0, 1800));

  public Scenario {
    if (!name.matches("[A-Za-z0-9_.-]+")) throw new IllegalArgumentException("scenario name must be letters, digits, _ . -: " + name);
    if (Math.abs(incoming + outgoing + interfloor - 1) > 1e-9) throw new IllegalArgumentException("class shares must add up to 1");
  }

  /** A built-in scenario, or a trace-only one named {@code name} (HC* runs 1,800 s, others 4,200 s). */
  public static Scenario named(String name) {
    for (Scenario s : BUILT_IN) if (s.name.equals(name)) return s;
    return new Scenario(name, Double.NaN, 1, 0, 0, name.toUpperCase(Locale.ROOT).startsWith("HC") ? 1800 : 4200);
  }

  /** Arrivals per second in {@code b}: pct/100 × population / 300. */
  public double rate(Building b) {
    return pct / 100 * b.population() / 300;
  }
}
