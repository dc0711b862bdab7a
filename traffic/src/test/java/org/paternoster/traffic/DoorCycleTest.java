package org.paternoster.traffic;

import org.paternoster.dispatch.Building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paternoster.dispatch.NearestCarDispatcher;

/** One car's stop cycle, second by second, against the spec's numbers. */
class DoorCycleTest {
  private static final Building ONE_CAR = Building.MID16.withCars(1, 13);

  @Test
  void oneRideFollowsTheSpecsCycle() {
    Passenger p = new Passenger(0, 10.0, 0, 3);
    Simulation sim = new Simulation(ONE_CAR, List.of(p), new NearestCarDispatcher(), 100, null).run();
    // the idle car stands at the lobby: its doors begin to open at once (wait 0)
    assertThat(p.waitEndAt()).isEqualTo(10.0);
    assertThat(p.boardedAt()).isCloseTo(12.0, within(1e-9)); // doors open 2.0 s
    // boarding 1.2 s (> min dwell 1.0 s), close 3.0 s, start delay 0.5 s, 3 floors 1.4·3 + 2.5 s
    assertThat(p.deliveredAt()).isCloseTo(12.0 + 1.2 + 3.0 + 0.5 + 6.7, within(1e-9));
    assertThat(p.alightedAt()).isCloseTo(p.deliveredAt() + 2.0, within(1e-9));
    assertThat(sim.stops()).isEqualTo(2);
    assertThat(sim.carKm()).isCloseTo(3 * 3.5 / 1000, within(1e-12));
  }

  @Test
  void theWaitEndsWhenTheDoorsBeginToOpenAndNewcomersAtOpenDoorsWaitZero() {
    Passenger first = new Passenger(0, 0.0, 5, 0);
    Passenger second = new Passenger(1, 12.0, 5, 0); // the car is there with its doors open by then
    Simulation sim = new Simulation(ONE_CAR, List.of(first, second), new NearestCarDispatcher(), 100, null).run();
    double travel = 0.5 + 1.4 * 5 + 2.5; // start delay, 5 floors
    assertThat(first.waitEndAt()).isCloseTo(travel, within(1e-9));
    assertThat(first.waitTime()).isCloseTo(travel, within(1e-9));
    assertThat(second.waitTime()).isZero();
    assertThat(second.car()).isEqualTo(first.car());
    assertThat(sim.stops()).isEqualTo(2);
  }

  @Test
  void aFullCarLeavesPeopleBehindWhoPressAgainAndAreFetched() {
    List<Passenger> crowd = new ArrayList<>();
    for (int i = 0; i < 14; i++) crowd.add(new Passenger(i, 0.0, 0, 1 + i % 15));
    new Simulation(ONE_CAR, crowd, new NearestCarDispatcher(), 100, null).run();
    assertThat(crowd.subList(0, 13)).allSatisfy(p -> assertThat(p.waitTime()).isZero()); // FIFO, up to capacity
    Passenger last = crowd.get(13);
    assertThat(last.boardedAt()).isGreaterThan(crowd.get(12).deliveredAt()); // the next trip
    assertThat(last.delivered()).isTrue();
  }

  @Test
  void nobodyBoardsACarGoingTheOtherWay() {
    // the car arrives at 5 going up to deliver someone to 9; the person at 5 wants down
    Passenger up = new Passenger(0, 0.0, 0, 9);
    Passenger down = new Passenger(1, 1.0, 5, 0);
    Simulation sim = new Simulation(ONE_CAR, List.of(up, down), new NearestCarDispatcher(), 100, null).run();
    assertThat(down.boardedAt()).isGreaterThan(up.deliveredAt());
    assertThat(sim.passengers()).allSatisfy(p -> assertThat(p.delivered()).isTrue());
  }
}
