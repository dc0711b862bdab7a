package org.paternoster.replica.elevators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paternoster.assign.Assigner;
import org.paternoster.assign.Assignment;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.ElevatorState;
import org.paternoster.assign.MotorDirection;
import org.paternoster.assign.TimeToIdleAssigner;
import org.paternoster.orders.Building;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.Op;
import org.paternoster.replica.Replica;
import org.paternoster.view.View;

/** Fake-clock tests of the primary's dispatch policy: when it pushes, to whom, and never without the right to act. */
class DispatchCoreTest {
  static final long T = 1_000;
  static final View V1 = new View(1, "p", null, "http://p", null, "p1", null, true);
  static final HallCall UP1 = new HallCall(1, Direction.UP);

  final Replica p = new Replica("p", "p1", 50);
  DispatchCore core = new DispatchCore(p, new Dispatcher(new Building(4), new TimeToIdleAssigner()), 1_000);

  static ElevatorReport report(String id, int floor) {
    return new ElevatorReport(id, "http://" + id, floor, Behaviour.IDLE, MotorDirection.STOP, true, null, false, 1);
  }

  /** p becomes the leased primary of view 1 (no backup: it may act at once). */
  void primary() {
    p.onView(V1, T);
    p.onPingAnswer(V1, 600, T, T);
  }

  @Test
  void nothingIsPushedByAReplicaThatMayNotAct() {
    core.reported(report("e1", 0), T);
    core.dispatch(T);
    core.tick(T + 500);
    assertThat(core.drain()).isEmpty();
  }

  @Test
  void aCommittedHallCallIsAssignedAndPushedToEveryCarAndAgainOnlyWhenSomethingChanged() {
    primary();
    assertThat(core.reported(report("e1", 0), T)).as("a new car changes the fleet").isTrue();
    p.submit(new Op.Press("r1", UP1), T);
    core.dispatch(T);
    List<DispatchCore.Effect> effects = core.drain();
    assertThat(effects).hasSize(1).first().isInstanceOfSatisfying(DispatchCore.Effect.PushAll.class, push -> {
      assertThat(push.dispatch().committed()).extracting(c -> c.call()).containsExactly(UP1);
      assertThat(push.dispatch().assignment().assigneeOf(UP1)).contains("e1");
      assertThat(push.dispatch().bookSeq()).isEqualTo(p.committedSeq());
      assertThat(push.assignmentChanged()).as("the first assignment").isTrue();
    });
    core.dispatch(T + 10);
    assertThat(core.drain()).as("nothing changed: no push").isEmpty();
  }

  /** An idle car at floor 0 reaches floor 1 in one travel time; the estimate counts down, never below 0. */
  @Test
  void eachAssignedHallCallHasAnArrivalEstimateThatCountsDown() {
    primary();
    assertThat(core.arrivalIn(UP1, T)).as("nothing assigned yet").isEmpty();
    core.reported(report("e1", 0), T);
    p.submit(new Op.Press("r1", UP1), T);
    core.dispatch(T);
    assertThat(core.arrivalIn(UP1, T)).contains(TimeToIdleAssigner.DEFAULT_TRAVEL_MILLIS);
    assertThat(core.arrivalIn(UP1, T + 1_000)).contains(TimeToIdleAssigner.DEFAULT_TRAVEL_MILLIS - 1_000);
    assertThat(core.arrivalIn(UP1, T + 60_000)).contains(0L);
    assertThat(core.arrivalIn(new HallCall(2, Direction.DOWN), T)).as("not a pending call").isEmpty();
  }

  @Test
  void aPushSaysWhetherItsAssignmentDiffersFromTheOnePushedBefore() {
    primary();
    core.reported(report("e1", 0), T);
    p.submit(new Op.Press("r1", UP1), T);
    core.dispatch(T);
    core.drain();
    p.submit(new Op.Press("r2", new CabCall("e1", 3)), T + 10);
    core.dispatch(T + 10);
    assertThat(core.drain()).singleElement().isInstanceOfSatisfying(DispatchCore.Effect.PushAll.class, push -> {
      assertThat(push.dispatch().committed()).hasSize(2);
      assertThat(push.assignmentChanged()).as("a new cab call: the hall calls keep their cars").isFalse();
    });
    core.tick(T + 10 + DispatchCore.HEARTBEAT_MS);
    assertThat(core.drain()).singleElement().isInstanceOfSatisfying(DispatchCore.Effect.PushAll.class,
        push -> assertThat(push.assignmentChanged()).as("a heartbeat").isFalse());
    long up1 = core.committedCalls().stream().filter(c -> c.call().equals(UP1)).findFirst().orElseThrow().seq();
    p.submit(new Op.Served("s1", UP1, up1), T + 300);
    core.dispatch(T + 300);
    assertThat(core.drain()).singleElement().isInstanceOfSatisfying(DispatchCore.Effect.PushAll.class,
        push -> assertThat(push.assignmentChanged()).as("UP1 served: e1 has no hall call left").isTrue());
  }

  /** Before any car reported there is no one to push to, so the calls are not read at all (a cost per turn that grows with them). */
  @Test
  void beforeAnyCarReportsNothingIsComputedAndTheFirstCarGetsEveryCall() {
    primary();
    p.submit(new Op.Press("r1", UP1), T);
    p.submit(new Op.Press("r2", new CabCall("e1", 3)), T);
    core.dispatch(T);
    assertThat(core.drain()).isEmpty();
    assertThat(core.last()).isNull();

    assertThat(core.reported(report("e1", 0), T + 10)).isTrue();
    assertThat(core.drain()).as("nothing to hand a new car yet").isEmpty();
    core.dispatch(T + 10);
    assertThat(core.drain()).singleElement().isInstanceOfSatisfying(DispatchCore.Effect.PushAll.class, push -> {
      assertThat(push.dispatch().committed()).hasSize(2);
      assertThat(push.dispatch().assignment().assigneeOf(UP1)).contains("e1");
    });
  }

  @Test
  void aCarThatLinksGetsTheLatestDispatchAtOnceAndEveryCarAHeartbeat() {
    primary();
    core.reported(report("e1", 0), T);
    core.dispatch(T);
    core.drain();
    core.reported(report("e2", 3), T + 10);
    assertThat(core.drain()).singleElement().isInstanceOfSatisfying(DispatchCore.Effect.PushTo.class,
        push -> assertThat(push.elevator()).isEqualTo("e2"));
    core.reported(report("e2", 3), T + 20);
    assertThat(core.drain()).as("already linked").isEmpty();
    core.tick(T + 100);
    assertThat(core.drain()).as("before the heartbeat").isEmpty();
    core.tick(T + DispatchCore.HEARTBEAT_MS);
    assertThat(core.drain()).singleElement().isInstanceOf(DispatchCore.Effect.PushAll.class);
  }

  @Test
  void aBlockingAssignerRunsOutsideAndItsAnswerIsDroppedIfTheViewChangedMeanwhile() {
    Assigner blocking = new Assigner() {
      @Override
      public Assignment assign(Building building, Set<HallCall> hallCalls, List<ElevatorState> elevators) {
        throw new AssertionError("the core never runs a blocking assigner itself");
      }

      @Override
      public boolean mayBlock() {
        return true;
      }
    };
    core = new DispatchCore(p, new Dispatcher(new Building(4), blocking), 1_000);
    primary();
    core.reported(report("e1", 0), T);
    core.dispatch(T);
    DispatchCore.Effect.RunAssigner run = (DispatchCore.Effect.RunAssigner) core.drain().get(0);
    core.dispatch(T + 1);
    assertThat(core.drain()).as("one run at a time").isEmpty();
    core.assigned(run, Assignment.none(List.of("e1")), T + 5);
    assertThat(core.drain()).singleElement().isInstanceOf(DispatchCore.Effect.PushAll.class);

    p.submit(new Op.Press("r1", UP1), T + 6);
    core.dispatch(T + 6);
    DispatchCore.Effect.RunAssigner second = (DispatchCore.Effect.RunAssigner) core.drain().get(0);
    p.onView(new View(2, "q", "p", "http://q", "http://p", "q1", "p1", false), T + 7); // deposed meanwhile
    core.assigned(second, Assignment.none(List.of("e1")), T + 8);
    assertThat(core.drain()).as("an answer for an older view is not pushed").isEmpty();
  }

  /** An assigner whose answer depends on time is asked again every {@code reaskAfterMs} though nothing changed; a pure one never. */
  @Test
  void anAssignerThatDependsOnTimeIsAskedAgainAfterItsIntervalAndAPureOneIsNot() {
    primary();
    java.util.concurrent.atomic.AtomicInteger timedAsked = new java.util.concurrent.atomic.AtomicInteger();
    core = new DispatchCore(p, new Dispatcher(new Building(4), counting(timedAsked, 1_000)), 10_000);
    core.reported(report("e1", 0), T);
    core.dispatch(T);
    assertThat(timedAsked).hasValue(1);
    assertThat(core.tick(T + 999)).as("not yet due").isFalse();
    core.dispatch(T + 999);
    assertThat(timedAsked).hasValue(1);
    p.onPingAnswer(V1, 600, T + 900, T + 900); // the lease goes on
    assertThat(core.tick(T + 1_000)).as("due: the shell should dispatch").isTrue();
    core.dispatch(T + 1_000);
    assertThat(timedAsked).hasValue(2);

    java.util.concurrent.atomic.AtomicInteger pureAsked = new java.util.concurrent.atomic.AtomicInteger();
    DispatchCore pure = new DispatchCore(p, new Dispatcher(new Building(4), counting(pureAsked, 0)), 10_000);
    pure.reported(report("e1", 0), T);
    pure.dispatch(T);
    p.onPingAnswer(V1, 600, T + 4_900, T + 4_900);
    assertThat(pure.tick(T + 5_000)).isFalse();
    pure.dispatch(T + 5_000);
    assertThat(pureAsked).as("a pure assigner's answer cannot change with time alone").hasValue(1);
  }

  /** The time-to-idle assigner, counting its calls, with {@code reaskAfterMs}. */
  static Assigner counting(java.util.concurrent.atomic.AtomicInteger asked, long reaskAfterMs) {
    return new Assigner() {
      @Override
      public Assignment assign(Building building, Set<HallCall> hallCalls, List<ElevatorState> elevators) {
        asked.incrementAndGet();
        return new TimeToIdleAssigner().assign(building, hallCalls, elevators);
      }

      @Override
      public long reaskAfterMs() {
        return reaskAfterMs;
      }
    };
  }
}
