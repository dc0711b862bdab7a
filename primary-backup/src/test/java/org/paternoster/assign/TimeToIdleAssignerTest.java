package org.paternoster.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paternoster.assign.Cars.doorOpen;
import static org.paternoster.assign.Cars.down;
import static org.paternoster.assign.Cars.idle;
import static org.paternoster.assign.Cars.moving;
import static org.paternoster.assign.Cars.up;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;

class TimeToIdleAssignerTest {
  private static final Building FOUR = new Building(4);
  private static final Building NINE = new Building(9);
  private final Assigner assigner = new TimeToIdleAssigner();

  @Test
  void aSingleIdleCarGetsEveryCall() {
    Set<HallCall> calls = Set.of(up(0), down(1), up(2), down(3));
    Assignment a = assigner.assign(FOUR, calls, List.of(idle("a", 1, 4)));
    assertThat(a.calls()).containsOnlyKeys("a");
    assertThat(a.callsFor("a")).isEqualTo(calls);
  }

  @Test
  void theNearestIdleCarWins() {
    Assignment a = assigner.assign(FOUR, Set.of(up(2)), List.of(idle("a", 0, 4), idle("b", 3, 4)));
    assertThat(a.assigneeOf(up(2))).contains("b");
    assertThat(a.callsFor("a")).isEmpty();
  }

  @Test
  void aTieGoesToTheLowestIdInStringOrder() {
    assertThat(assigner.assign(FOUR, Set.of(up(2)), List.of(idle("b", 1, 4), idle("a", 3, 4))).assigneeOf(up(2)))
        .contains("a");
    assertThat(assigner.assign(FOUR, Set.of(up(2)), List.of(idle("9", 1, 4), idle("10", 3, 4))).assigneeOf(up(2)))
        .contains("10");
  }

  @Test
  void aCarWithManyCabCallsLosesToAFartherIdleCarThatIsDoneSooner() {
    ElevatorState busyAtTheCall = idle("a", 1, 9).withCabCalls(3, 5, 7);
    ElevatorState idleFarAway = idle("b", 5, 9);
    Assignment a = assigner.assign(NINE, Set.of(up(1)), List.of(busyAtTheCall, idleFarAway));
    assertThat(a.assigneeOf(up(1))).contains("b");
  }

  @Test
  void aCarWithItsDoorOpenAtTheCallBeatsAnIdleOneAFloorAway() {
    Assignment a = assigner.assign(FOUR, Set.of(up(1)),
        List.of(idle("a", 0, 4), doorOpen("b", 1, MotorDirection.STOP, 4)));
    assertThat(a.assigneeOf(up(1))).contains("b");
  }

  @Test
  void aMovingCarTakesACallAheadButNotOneBehindIt() {
    ElevatorState goingUpFrom1 = moving("a", 1, MotorDirection.UP, 5);
    Building five = new Building(5);
    assertThat(assigner.assign(five, Set.of(up(2)), List.of(goingUpFrom1, idle("b", 3, 5))).assigneeOf(up(2)))
        .contains("a");
    ElevatorState goingUpFrom2 = moving("a", 2, MotorDirection.UP, 5);
    assertThat(assigner.assign(five, Set.of(up(1)), List.of(goingUpFrom2, idle("b", 3, 5))).assigneeOf(up(1)))
        .contains("b");
  }

  @Test
  void anUnavailableCarGetsNothingAndIsNotListed() {
    ElevatorState stuckAtTheCall = idle("a", 2, 4).withAvailable(false);
    Assignment a = assigner.assign(FOUR, Set.of(up(2), down(2)), List.of(stuckAtTheCall, idle("b", 0, 4)));
    assertThat(a.calls()).containsOnlyKeys("b");
    assertThat(a.callsFor("b")).containsExactlyInAnyOrder(up(2), down(2));
  }

  @Test
  void withNoAvailableCarNothingIsAssigned() {
    Assignment a = assigner.assign(FOUR, Set.of(up(2)), List.of(idle("a", 2, 4).withAvailable(false)));
    assertThat(a.calls()).isEmpty();
    assertThat(assigner.assign(FOUR, Set.of(up(2)), List.of()).calls()).isEmpty();
  }

  @Test
  void everyAvailableCarIsListedEvenWithoutCalls() {
    Assignment a = assigner.assign(FOUR, Set.of(), List.of(idle("a", 0, 4), idle("b", 3, 4)));
    assertThat(a.calls()).containsOnlyKeys("a", "b");
    assertThat(a.callsFor("a")).isEmpty();
  }

  @Test
  void rejectsCallsWithoutAButtonAndDuplicateIds() {
    assertThatThrownBy(() -> assigner.assign(FOUR, Set.of(up(3)), List.of(idle("a", 0, 4))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> assigner.assign(FOUR, Set.of(), List.of(idle("a", 0, 4), idle("a", 1, 4))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyCallGoesToExactlyOneAvailableCarForRandomInputs() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      AssignmentProblem p = Cars.random(random);
      Assignment a = assigner.assign(p.building(), p.hallCalls(), p.elevators());
      List<String> available = p.available().stream().map(ElevatorState::id).toList();
      assertThat(a.elevators()).as("%s", p).containsExactlyInAnyOrderElementsOf(available);
      if (available.isEmpty()) continue;
      List<HallCall> given = new ArrayList<>();
      a.calls().values().forEach(given::addAll);
      assertThat(given).as("%s", p).containsExactlyInAnyOrderElementsOf(p.hallCalls());
    }
  }

  @Test
  void isDeterministicWhateverTheInputOrder() {
    Random random = new Random(1);
    for (int i = 0; i < 300; i++) {
      AssignmentProblem p = Cars.random(random);
      List<ElevatorState> shuffled = new ArrayList<>(p.elevators());
      Collections.shuffle(shuffled, random);
      List<HallCall> calls = new ArrayList<>(p.hallCalls());
      Collections.shuffle(calls, random);
      Assignment first = assigner.assign(p.building(), p.hallCalls(), p.elevators());
      Assignment again = assigner.assign(p.building(), new LinkedHashSet<>(calls), shuffled);
      assertThat(again).as("%s", p).isEqualTo(first);
      assertThat(new HashSet<>(p.elevators())).isEqualTo(new HashSet<>(shuffled));
    }
  }
}
