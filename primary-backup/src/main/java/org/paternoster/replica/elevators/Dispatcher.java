package org.paternoster.replica.elevators;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.paternoster.assign.Assigner;
import org.paternoster.assign.Assignment;
import org.paternoster.assign.ElevatorState;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.PendingCall;

/**
 * Reassigns every committed hall call on every change (new or served call, a car's report, a
 * car lost or unavailable): "reassigning every call on every change is what makes such assigners
 * good". Pure apart from the assigner it calls; the shell decides when and on which thread.
 */
public final class Dispatcher {
  private final Building building;
  private final Assigner assigner;

  public Dispatcher(Building building, Assigner assigner) {
    this.building = building;
    this.assigner = assigner;
  }

  public Building building() {
    return building;
  }

  public Assigner assigner() {
    return assigner;
  }

  /** The assigner's input for the committed calls and the fleet as of {@code now}. */
  public Problem problem(List<PendingCall> committed, Fleet fleet, long now) {
    Set<HallCall> hall = new LinkedHashSet<>();
    committed.forEach(p -> {
      if (p.call() instanceof HallCall h) hall.add(h);
    });
    List<ElevatorState> states = fleet.states(now, Dispatch.cabRequests(committed, building.floors()), building.floors());
    return new Problem(hall, states);
  }

  /** Runs the assigner (may block if it is external: see {@link Assigner#mayBlock()}). */
  public Assignment assign(Problem problem) {
    return assigner.assign(building, problem.hallCalls(), problem.elevators());
  }

  /** One assignment question: which car takes which of these hall calls. */
  public record Problem(Set<HallCall> hallCalls, List<ElevatorState> elevators) {}
}
