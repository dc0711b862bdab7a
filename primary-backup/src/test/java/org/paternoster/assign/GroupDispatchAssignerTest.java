package org.paternoster.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paternoster.assign.Cars.idle;
import static org.paternoster.assign.Cars.up;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;

/** Paternoster's dispatcher as the primary's assigner, on a fake clock. */
class GroupDispatchAssignerTest {
  final AtomicLong clock = new AtomicLong(1_000_000);
  final GroupDispatchAssigner assigner = GroupDispatchAssigner.paternoster(clock::get);
  final Building building = new Building(8);

  @Test
  void keepsTheAssignerContractOnThousandsOfRandomProblemsOneAfterAnother() {
    Random random = new Random(42);
    for (int i = 0; i < 3_000; i++) {
      clock.addAndGet(random.nextInt(2_000));
      AssignmentProblem p = Cars.random(random);
      Assignment a = assigner.assign(p.building(), p.hallCalls(), p.elevators());
      Set<String> available = new HashSet<>();
      p.elevators().stream().filter(ElevatorState::available).forEach(e -> available.add(e.id()));
      assertThat(a.elevators()).as("problem %d: every available car listed, no other", i).isEqualTo(available);
      if (available.isEmpty()) continue;
      Set<HallCall> given = new HashSet<>();
      a.calls().values().forEach(given::addAll);
      assertThat(given).as("problem %d: every call under a car", i).isEqualTo(p.hallCalls());
    }
  }

  @Test
  void aCallGoesToTheNearerIdleCarAndStaysWithItWhileNothingChanges() {
    List<ElevatorState> cars = List.of(idle("a", 0, 8), idle("b", 5, 8));
    Assignment first = assigner.assign(building, Set.of(up(6)), cars);
    assertThat(first.assigneeOf(up(6))).contains("b");
    for (int i = 0; i < 20; i++) {
      clock.addAndGet(500);
      assertThat(assigner.assign(building, Set.of(up(6)), cars)).isEqualTo(first);
    }
  }

  @Test
  void aCallMovesWhenItsCarIsNoLongerAvailable() {
    List<ElevatorState> cars = List.of(idle("a", 0, 8), idle("b", 5, 8));
    assertThat(assigner.assign(building, Set.of(up(6)), cars).assigneeOf(up(6))).contains("b");
    clock.addAndGet(300);
    List<ElevatorState> bLost = List.of(idle("a", 0, 8), idle("b", 5, 8).withAvailable(false));
    Assignment after = assigner.assign(building, Set.of(up(6)), bLost);
    assertThat(after.assigneeOf(up(6))).contains("a");
    assertThat(after.elevators()).containsExactly("a");
  }

  @Test
  void aBusyCarGivesACallAwayToAnIdleOneThatIsNowMuchCloser() {
    // b is near but will first take its passengers to the top; a is idle further away.
    ElevatorState bBusy = new ElevatorState("b", 2, Behaviour.MOVING, MotorDirection.UP, cab(8, 7), true);
    Assignment a = assigner.assign(building, Set.of(new HallCall(1, org.paternoster.orders.Direction.UP)),
        List.of(idle("a", 0, 8), bBusy));
    assertThat(a.assigneeOf(new HallCall(1, org.paternoster.orders.Direction.UP))).contains("a");
  }

  /** 64 cars: only the few that could be there soonest are weighed, and the one already there is among them. */
  @Test
  void inABigGroupTheCarAtTheFloorStillGetsTheCall() {
    Building tall = new Building(100);
    List<ElevatorState> cars = new java.util.ArrayList<>();
    for (int i = 0; i < 64; i++) cars.add(idle(String.format("e%02d", i), (i * 37) % 100, 100));
    int floor = (41 * 37) % 100;
    Assignment a = assigner.assign(tall, Set.of(up(floor)), cars);
    assertThat(a.assigneeOf(up(floor))).contains("e41");
    assertThat(a.elevators()).hasSize(64);
  }

  @Test
  void theDispatcherIsChosenByNameAndAnUnknownNameIsRefused() {
    assertThat(Assigners.of(null, null, clock::get)).isInstanceOf(TimeToIdleAssigner.class);
    assertThat(Assigners.of("time-to-idle", null, clock::get)).isInstanceOf(TimeToIdleAssigner.class);
    assertThat(Assigners.of("paternoster", null, clock::get)).isInstanceOf(GroupDispatchAssigner.class);
    assertThat(Assigners.of("paternoster", "./assigner", clock::get)).isInstanceOf(ExternalAssigner.class);
    assertThatThrownBy(() -> Assigners.of("fastest", null, clock::get)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time-to-idle").hasMessageContaining("paternoster");
  }

  static boolean[] cab(int floors, int... at) {
    boolean[] c = new boolean[floors];
    for (int f : at) c[f] = true;
    return c;
  }
}
