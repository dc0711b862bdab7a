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
    assertThat(Assigners.of(null, null, clock::get)).as("the default").isInstanceOf(GroupDispatchAssigner.class);
    assertThat(Assigners.of("time-to-idle", null, clock::get)).isInstanceOf(TimeToIdleAssigner.class);
    assertThat(Assigners.of("paternoster", null, clock::get)).isInstanceOf(GroupDispatchAssigner.class);
    assertThat(Assigners.of("paternoster", "./assigner", clock::get)).isInstanceOf(ExternalAssigner.class);
    assertThatThrownBy(() -> Assigners.of("fastest", null, clock::get)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time-to-idle").hasMessageContaining("paternoster");
  }

  /**
   * Up-peak as the primary sees it: a car opens at the lobby announcing up and leaves with cab
   * calls for several floors, again and again. The dispatcher learns that from the reports alone:
   * an idle car is then advised to park at the lobby, and a car loading there to hold its doors
   * until another car is at the lobby. Before it has learned anything, it advises nothing.
   */
  @Test
  void learnsUpPeakFromTheReportsThenParksIdleCarsAtTheLobbyAndHoldsTheLoadingOne() {
    ElevatorState b = idle("b", 4, 8);
    ElevatorState c = idle("c", 7, 8);
    Assignment first = assigner.assign(building, Set.of(), List.of(Cars.doorOpen("a", 0, MotorDirection.UP, 8), b, c));
    assertThat(first.standby()).as("nothing learned yet: no advice").isEmpty();
    learnUpPeak(b, c);
    clock.addAndGet(1_000);
    ElevatorState aLoading = Cars.doorOpen("a", 0, MotorDirection.UP, 8);
    ElevatorState bBusy = new ElevatorState("b", 4, Behaviour.MOVING, MotorDirection.UP, cab(8, 5), true);
    assigner.assign(building, Set.of(), List.of(aLoading, bBusy, c));
    clock.addAndGet(2_000);
    Assignment loading = assigner.assign(building, Set.of(), List.of(aLoading, idle("b", 5, 8), c));
    assertThat(loading.standbyOf("b")).as("b went idle with nothing to do: to the lobby").isEqualTo(new Standby(0, false));
    assertThat(loading.standbyOf("a").holdDoors()).as("a loads up at the lobby and no other car is there").isTrue();
    assertThat(loading.standbyOf("c")).as("c's idleness is old news: it is not moved").isEqualTo(Standby.NONE);

    clock.addAndGet(1_000);
    Assignment released = assigner.assign(building, Set.of(), List.of(aLoading, idle("b", 0, 8), c));
    assertThat(released.standbyOf("a").holdDoors()).as("another car waits at the lobby: a may go").isFalse();
    assertThat(released.standbyOf("b")).as("b arrived where it was sent").isEqualTo(Standby.NONE);
  }

  /** Somebody calls a car to the lobby; a opens there and leaves with three floors to serve; four times. b and c stand by. */
  void learnUpPeak(ElevatorState b, ElevatorState c) {
    for (int trip = 0; trip < 4; trip++) {
      clock.addAndGet(20_000);
      assigner.assign(building, Set.of(up(0)), List.of(idle("a", 0, 8), b, c)); // somebody calls a car to the lobby
      clock.addAndGet(1_000);
      assigner.assign(building, Set.of(), List.of(Cars.doorOpen("a", 0, MotorDirection.UP, 8), b, c));
      clock.addAndGet(3_000);
      assigner.assign(building, Set.of(), List.of(new ElevatorState("a", 0, Behaviour.MOVING, MotorDirection.UP, cab(8, 2, 4, 6), true), b, c));
    }
  }

  /** A car lost (or back) rebuilds the dispatcher for the new fleet; the traffic it learned stays. */
  @Test
  void whatItLearnedOfTheTrafficSurvivesACarLeavingTheFleet() {
    ElevatorState bBusy = new ElevatorState("b", 4, Behaviour.MOVING, MotorDirection.UP, cab(8, 5), true);
    ElevatorState c = idle("c", 7, 8);
    learnUpPeak(bBusy, c);
    clock.addAndGet(1_000);
    assigner.assign(building, Set.of(), List.of(idle("a", 0, 8), bBusy, c.withAvailable(false)));
    clock.addAndGet(1_000);
    Assignment after = assigner.assign(building, Set.of(), List.of(idle("a", 0, 8), idle("b", 5, 8), c.withAvailable(false)));
    assertThat(after.elevators()).containsExactly("a", "b");
    assertThat(after.standbyOf("b")).as("still up-peak: b waits at the lobby").isEqualTo(new Standby(0, false));
  }

  static boolean[] cab(int floors, int... at) {
    boolean[] c = new boolean[floors];
    for (int f : at) c[f] = true;
    return c;
  }
}
