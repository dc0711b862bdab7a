package org.paternoster.assign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;

/**
 * When each assigned hall call's car will open its door there, estimated the same way whichever
 * assigner chose the car: the car serves its cab calls and its hall calls by the single-car rules
 * with the course's times ({@link ServingRun}, as {@link TimeToIdleAssigner} plays it). For people,
 * not for decisions: the dashboard shows it next to the assignee. Immutable; milliseconds from
 * the moment of the assignment.
 */
public record ArrivalEstimates(Map<HallCall, Long> millis) {
  public static final ArrivalEstimates NONE = new ArrivalEstimates(Map.of());

  public ArrivalEstimates {
    millis = Map.copyOf(millis);
  }

  /** The estimates for {@code assignment} of {@code cars} (unlisted cars and unknown cars give none). */
  public static ArrivalEstimates of(Building building, Assignment assignment, List<ElevatorState> cars) {
    Map<HallCall, Long> out = new HashMap<>();
    for (ElevatorState car : cars) {
      if (!assignment.elevators().contains(car.id())) continue;
      // The run holds only this car's calls, so every arrival it notes is one of them.
      out.putAll(new ServingRun(car, building.floors(), assignment.callsFor(car.id()),
          TimeToIdleAssigner.DEFAULT_TRAVEL_MILLIS, TimeToIdleAssigner.DEFAULT_DOOR_MILLIS).arrivals());
    }
    return new ArrivalEstimates(out);
  }

  /** Milliseconds from the assignment until {@code call}'s car is expected there, if estimated. */
  public Optional<Long> of(HallCall call) {
    return Optional.ofNullable(millis.get(call));
  }
}
