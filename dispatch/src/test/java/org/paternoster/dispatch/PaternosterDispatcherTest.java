package org.paternoster.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paternoster.assign.MotorDirection;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/** Paternoster's dispatcher on small hand-built situations (MID16: 16 floors, cars of 13). */
class PaternosterDispatcherTest {
  static final Building B = Building.MID16;
  static final Kinematics K = new Kinematics(B);

  @Test
  void aCallGoesToTheCarThatArrivesFirst() {
    Group g = new Group(100, idle(0, 0), idle(1, 10), idle(2, 3));
    HallCall call = new HallCall(8, Direction.DOWN);
    g.lit(call, 100, -1);

    assertThat(new PaternosterDispatcher(true).hallCallRegistered(call, g)).containsExactly(new Decision.Assign(call, 1));
  }

  @Test
  void aFullCarIsNotGivenAHallCallItWouldPassBy() {
    // car 0 is moving up from the lobby with a stop at 12: it passes floor 5 long before idle car 1 (floor 15) gets there
    HallCall call = new HallCall(5, Direction.UP);
    Group roomy = new Group(101, movingUp(0, 100, 12, 2), idle(1, 15));
    roomy.lit(call, 101, -1);
    assertThat(new PaternosterDispatcher(true).hallCallRegistered(call, roomy)).containsExactly(new Decision.Assign(call, 0));

    Group full = new Group(101, movingUp(0, 100, 12, 13), idle(1, 15));
    full.lit(call, 101, -1);
    assertThat(new PaternosterDispatcher(true).hallCallRegistered(call, full)).containsExactly(new Decision.Assign(call, 1));
    // without the load (course hardware) it cannot know: the full car gets it
    assertThat(new PaternosterDispatcher(false).hallCallRegistered(call, full)).containsExactly(new Decision.Assign(call, 0));
  }

  @Test
  void twoEqualCarsDoNotFlipFlop() {
    PaternosterDispatcher d = new PaternosterDispatcher(true);
    HallCall call = new HallCall(9, Direction.DOWN);
    for (int holder : new int[] {0, 1}) {
      for (int t = 0; t < 5; t++) {
        Group g = new Group(200 + t, idle(0, 4), idle(1, 4));
        g.lit(call, 199, holder);
        assertThat(d.tick(g)).as("tick %d, held by car %d", t, holder).noneMatch(x -> x instanceof Decision.Assign);
      }
    }
  }

  @Test
  void aCallMovesWhenAnotherCarIsClearlyBetter() {
    Group g = new Group(300, idle(0, 0), idle(1, 9));
    HallCall call = new HallCall(9, Direction.DOWN);
    g.lit(call, 299, 0);
    assertThat(new PaternosterDispatcher(true).tick(g)).contains(new Decision.Assign(call, 1));
  }

  @Test
  void inUpPeakIdleCarsParkAtTheLobbyAndTheLoadingCarIsHeld() {
    PaternosterDispatcher d = new PaternosterDispatcher(true);
    lobbyCalled(d);
    // cars leave the lobby full, one after another: the up-peak a live controller sees
    for (int i = 0; i < 10; i++) {
      FakeCar leaving = new FakeCar(0, CarState.CLOSING, MotorDirection.UP, 0, null, 13, Set.of(3, 7, 11));
      d.carChanged(0, new Group(60 + 20 * i, leaving, idle(1, 12)));
    }
    assertThat(d.lobbyShare()).isGreaterThan(0.9);
    Group g = new Group(300, idle(0, 12), new FakeCar(1, CarState.MOVING, MotorDirection.UP, 0, new Trip(0, 9, 295, MotorDirection.UP), 5, Set.of(9)));
    assertThat(d.carIdle(0, g)).containsExactly(new Decision.Park(0, 0));

    // a car loading at the lobby with no other car near keeps its doors open
    FakeCar opening = new FakeCar(0, CarState.OPENING, MotorDirection.UP, 0, null, 0, Set.of());
    assertThat(d.carChanged(0, new Group(308, opening, idle(1, 12)))).contains(new Decision.Hold(0, 309.5));
    FakeCar loading = new FakeCar(0, CarState.OPEN, MotorDirection.UP, 0, null, 4, Set.of(5));
    assertThat(d.tick(new Group(310, loading, idle(1, 12)))).contains(new Decision.Hold(0, 311.5));
    // ... and lets them close once another car waits at the lobby
    assertThat(d.tick(new Group(312, loading, idle(1, 0)))).contains(new Decision.Hold(0, 312));
  }

  /** bench-light's single car took cab calls at the lobby and sat there held while every lamp lit. */
  @Test
  void aCarAloneInItsGroupIsNeverHeld() {
    PaternosterDispatcher d = new PaternosterDispatcher(true);
    lobbyCalled(d);
    for (int i = 0; i < 10; i++) {
      d.carChanged(0, new Group(60 + 20 * i, new FakeCar(0, CarState.CLOSING, MotorDirection.UP, 0, null, 13, Set.of(3, 7, 11))));
    }
    assertThat(d.lobbyShare()).isGreaterThan(0.9);
    FakeCar opening = new FakeCar(0, CarState.OPENING, MotorDirection.UP, 0, null, 0, Set.of());
    assertThat(d.carChanged(0, new Group(308, opening))).noneMatch(x -> x instanceof Decision.Hold);
    FakeCar loading = new FakeCar(0, CarState.OPEN, MotorDirection.UP, 0, null, 4, Set.of(5));
    assertThat(d.tick(new Group(310, loading))).noneMatch(x -> x instanceof Decision.Hold);
  }

  /** Cars that only ever carry people who were already on board (cab presses, no hall call) are not up-peak, whatever they carry from the lobby. */
  @Test
  void withoutAnyHallCallNoTrafficIsInferredFromCabStops() {
    PaternosterDispatcher d = new PaternosterDispatcher(true);
    for (int i = 0; i < 10; i++) {
      d.carChanged(0, new Group(60 + 20 * i, new FakeCar(0, CarState.CLOSING, MotorDirection.UP, 0, null, 13, Set.of(3, 7, 11)), idle(1, 12)));
    }
    assertThat(d.lobbyShare()).isZero();
    assertThat(d.carIdle(1, new Group(300, idle(0, 5), idle(1, 12)))).isEmpty();
    lobbyCalled(d);
    assertThat(d.lobbyShare()).as("one lobby call: the boarders count").isGreaterThan(0.9);
  }

  /** Somebody pressed the lobby's up button at t = 50 s. */
  private static void lobbyCalled(PaternosterDispatcher d) {
    Group g = new Group(50, idle(0, 8), idle(1, 12));
    HallCall call = new HallCall(0, Direction.UP);
    g.lit(call, 50, -1);
    d.hallCallRegistered(call, g);
  }

  @Test
  void withDemandUpstairsAnIdleCarDoesNotGoToTheLobby() {
    assertThat(learnDownDemand(new PaternosterDispatcher(true)).carIdle(1, new Group(300, idle(0, 0), idle(1, 4)))).isEmpty();
    PaternosterDispatcher.Params p = PaternosterDispatcher.Params.defaults();
    PaternosterDispatcher zoning = new PaternosterDispatcher(true, new PaternosterDispatcher.Params(p.alpha(), p.riderWeight(),
        p.hysteresisS(), p.unservedPenaltyS(), p.upPeakShare(), p.holdShare(), p.maxHoldS(), p.releaseS(), p.lobbyShareFactor(), true));
    List<Decision> park = learnDownDemand(zoning).carIdle(1, new Group(300, idle(0, 0), idle(1, 4)));
    assertThat(park).hasSize(1);
    assertThat(((Decision.Park) park.get(0)).floor()).isBetween(10, 12);
  }

  private static PaternosterDispatcher learnDownDemand(PaternosterDispatcher d) {
    for (int i = 0; i < 20; i++) {
      HallCall call = new HallCall(10 + i % 3, Direction.DOWN);
      Group g = new Group(10 * i, idle(0, 0), idle(1, 0));
      g.lit(call, 10 * i, -1);
      d.hallCallRegistered(call, g);
    }
    assertThat(d.lobbyShare()).isLessThan(0.1);
    return d;
  }

  // ---- fakes

  static FakeCar idle(int i, int floor) {
    return new FakeCar(i, CarState.IDLE, MotorDirection.STOP, floor, null, 0, Set.of());
  }

  static FakeCar movingUp(int i, double since, int target, int load) {
    return new FakeCar(i, CarState.MOVING, MotorDirection.UP, 0, new Trip(0, target, since, MotorDirection.UP), load, Set.of(target));
  }

  record FakeCar(int index, CarState state, MotorDirection direction, int origin, Trip trip, int load, Set<Integer> cab) implements CarView {
    @Override
    public int floor() {
      return origin;
    }

    @Override
    public double position(double now) {
      return trip == null ? origin : trip.positionAt(K, now);
    }

    @Override
    public int firstStoppable(double now) {
      return trip == null ? origin : trip.firstStoppable(K, now);
    }

    @Override
    public int capacity() {
      return B.capacity();
    }

    @Override
    public boolean cabStop(int floor) {
      return cab.contains(floor);
    }

    @Override
    public int parkFloor() {
      return -1;
    }

    @Override
    public double readyAt(double now) {
      return switch (state) {
        case MOVING -> trip.arrivalAt(K);
        case IDLE -> now + B.startDelayS();
        case OPEN -> now + 1 + B.doorCloseS() + B.startDelayS();
        default -> now + 5;
      };
    }
  }

  static final class Group implements GroupView {
    final double now;
    final List<FakeCar> cars;
    final List<PendingCall> calls = new ArrayList<>();

    Group(double now, FakeCar... cars) {
      this.now = now;
      this.cars = List.of(cars);
    }

    void lit(HallCall call, double since, int assignee) {
      calls.add(new PendingCall(call, since, assignee));
    }

    @Override
    public double now() {
      return now;
    }

    @Override
    public Building building() {
      return B;
    }

    @Override
    public Kinematics kinematics() {
      return K;
    }

    @Override
    public List<? extends CarView> cars() {
      return cars;
    }

    @Override
    public List<PendingCall> pendingCalls() {
      return calls;
    }
  }
}
