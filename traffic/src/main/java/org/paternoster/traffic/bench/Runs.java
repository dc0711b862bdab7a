package org.paternoster.traffic.bench;

import java.util.List;
import org.paternoster.dispatch.Building;
import org.paternoster.traffic.Metrics;
import org.paternoster.traffic.Passenger;
import org.paternoster.traffic.RunResult;
import org.paternoster.traffic.Scenario;
import org.paternoster.traffic.Simulation;
import org.paternoster.dispatch.GroupDispatcher;

/** One run: a trace through a dispatcher, measured over the spec's window. */
public final class Runs {
  private Runs() {}

  public static RunResult run(Building b, Scenario s, long seed, List<Passenger> trace, GroupDispatcher d) {
    Simulation sim = new Simulation(b, trace, d, s.durationS(), null).run();
    return Metrics.of(sim, s.name(), seed, d.name(), d.plansRoutes(), Scenario.WARMUP_S, s.durationS());
  }
}
