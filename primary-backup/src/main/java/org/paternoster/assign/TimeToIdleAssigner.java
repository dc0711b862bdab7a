package org.paternoster.assign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;

/**
 * The course's reference assignment, re-implemented from its description: hall calls are taken
 * one by one (floor, then up before down); each is tried on every available car, together with
 * that car's cab calls and the hall calls it already got, and goes to the car that would be idle
 * soonest ({@link ServingRun}). Ties go to the lowest id in string order.
 *
 * <p>Pure and cheap: calls × cars runs of at most 3 × floors trips each, so it may run on an
 * event loop. Thread-safe.
 */
public final class TimeToIdleAssigner implements Assigner {
  public static final long DEFAULT_TRAVEL_MILLIS = 2500;
  public static final long DEFAULT_DOOR_MILLIS = 3000;

  private final long travelMillis;
  private final long doorMillis;

  public TimeToIdleAssigner() {
    this(DEFAULT_TRAVEL_MILLIS, DEFAULT_DOOR_MILLIS);
  }

  /** @param travelMillis floor-to-floor travel time; @param doorMillis one door opening */
  public TimeToIdleAssigner(long travelMillis, long doorMillis) {
    if (travelMillis < 0 || doorMillis < 0) throw new IllegalArgumentException("times must be >= 0");
    this.travelMillis = travelMillis;
    this.doorMillis = doorMillis;
  }

  @Override
  public Assignment assign(Building building, Set<HallCall> hallCalls, List<ElevatorState> elevators) {
    AssignmentProblem problem = new AssignmentProblem(building, hallCalls, elevators);
    List<ElevatorState> cars = problem.available();
    if (cars.isEmpty()) return Assignment.none(List.of());
    Map<String, List<HallCall>> given = new LinkedHashMap<>();
    cars.forEach(car -> given.put(car.id(), new ArrayList<>()));
    for (HallCall call : problem.callsInOrder()) {
      String best = null;
      long bestTime = Long.MAX_VALUE;
      for (ElevatorState car : cars) {
        List<HallCall> tentative = new ArrayList<>(given.get(car.id()));
        tentative.add(call);
        long time = timeToIdle(car, building, tentative);
        if (best == null || time < bestTime) {
          best = car.id();
          bestTime = time;
        }
      }
      given.get(best).add(call);
    }
    Map<String, Set<HallCall>> result = new LinkedHashMap<>();
    given.forEach((id, calls) -> result.put(id, Set.copyOf(calls)));
    return new Assignment(result);
  }

  /**
   * Milliseconds until {@code car} has served its cab calls and {@code hallCalls} and stands
   * idle; {@link Long#MAX_VALUE} only if the simulation's step bound is hit (never, for a correct
   * simulation).
   */
  public long timeToIdle(ElevatorState car, Building building, List<HallCall> hallCalls) {
    return new ServingRun(car, building.floors(), hallCalls, travelMillis, doorMillis).timeToIdle();
  }
}
