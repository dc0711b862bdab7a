package org.paternoster.assign;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;

/**
 * The input of an {@link Assigner}, checked: every hall call has a button in the building and car
 * ids are distinct. This is what the course's JSON request carries.
 */
public record AssignmentProblem(Building building, Set<HallCall> hallCalls, List<ElevatorState> elevators) {

  /** Throws {@link IllegalArgumentException} for a call without a button or duplicate car ids. */
  public AssignmentProblem {
    Objects.requireNonNull(building, "building");
    hallCalls = Set.copyOf(hallCalls);
    elevators = List.copyOf(elevators);
    for (HallCall c : hallCalls) {
      if (!building.hasButton(c)) throw new IllegalArgumentException(c + " has no button in a building of " + building.floors());
    }
    Set<String> ids = new HashSet<>();
    for (ElevatorState e : elevators) {
      if (!ids.add(e.id())) throw new IllegalArgumentException("duplicate elevator id " + e.id());
    }
  }

  /** The available cars, by id in string order. */
  public List<ElevatorState> available() {
    return elevators.stream().filter(ElevatorState::available).sorted(Comparator.comparing(ElevatorState::id)).toList();
  }

  /** The hall calls in {@link Assignment#CALL_ORDER}. */
  public List<HallCall> callsInOrder() {
    return hallCalls.stream().sorted(Assignment.CALL_ORDER).toList();
  }
}
