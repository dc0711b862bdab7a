package org.paternoster.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.dispatch.PaternosterDispatcherTest.B;
import static org.paternoster.dispatch.PaternosterDispatcherTest.idle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paternoster.assign.MotorDirection;
import org.paternoster.dispatch.PaternosterDispatcherTest.FakeCar;
import org.paternoster.dispatch.PaternosterDispatcherTest.Group;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/** The cars weighed for a call in a big group: exactly the soonest by the quick estimate, as a full sort would pick them. */
class CandidatesTest {

  @Test
  void aSmallGroupWeighsEveryCar() {
    Group g = new Group(10, idle(0, 0), idle(1, 5), idle(2, 9));
    assertThat(Candidates.of(g, 8).soonest(new HallCall(4, Direction.UP), -1)).extracting(CarView::index).containsExactly(0, 1, 2);
  }

  @Test
  void theSoonestCarsFirstTiesToTheLowerIndexThenTheCurrentHolder() {
    // cars 0..9 idle at floors 0..9; a call at floor 4: distances 4,3,2,1,0,1,2,3,4,5
    FakeCar[] cars = new FakeCar[10];
    for (int i = 0; i < 10; i++) cars[i] = idle(i, i);
    Group g = new Group(10, cars);
    Candidates candidates = Candidates.of(g, 4);
    HallCall call = new HallCall(4, Direction.DOWN);
    assertThat(candidates.soonest(call, -1)).extracting(CarView::index).containsExactly(4, 3, 5, 2);
    assertThat(candidates.soonest(call, 9)).extracting(CarView::index).containsExactly(4, 3, 5, 2, 9);
    assertThat(candidates.soonest(call, 5)).extracting(CarView::index).containsExactly(4, 3, 5, 2);
  }

  /** Against the plain definition (sort every car by estimate, then index; take the first {@code max}), on random groups. */
  @Test
  void picksWhatAFullSortPicksOnRandomGroups() {
    for (long seed = 1; seed <= 2_000; seed++) {
      Random random = new Random(seed);
      double now = 1_000 + random.nextInt(100);
      int n = 9 + random.nextInt(40);
      FakeCar[] cars = new FakeCar[n];
      for (int i = 0; i < n; i++) {
        int floor = random.nextInt(B.floors());
        cars[i] = switch (random.nextInt(3)) {
          case 0 -> idle(i, floor);
          case 1 -> new FakeCar(i, CarState.OPEN, MotorDirection.STOP, floor, null, 0, Set.of());
          default -> {
            int target = (floor + 1 + random.nextInt(B.floors() - 1)) % B.floors(); // any other floor
            MotorDirection way = target > floor ? MotorDirection.UP : MotorDirection.DOWN;
            yield new FakeCar(i, CarState.MOVING, way, floor, new Trip(floor, target, now - random.nextDouble() * 3, way), 0, Set.of(target));
          }
        };
      }
      Group g = new Group(now, cars);
      int max = 1 + random.nextInt(8);
      Candidates candidates = Candidates.of(g, max);
      for (int k = 0; k < 5; k++) {
        HallCall call = new HallCall(1 + random.nextInt(B.floors() - 2), random.nextBoolean() ? Direction.UP : Direction.DOWN);
        int current = random.nextInt(n + 1) - 1;
        assertThat(candidates.soonest(call, current)).extracting(CarView::index).as("seed %d", seed)
            .containsExactlyElementsOf(bySort(g, call, current, max));
      }
    }
  }

  private static List<Integer> bySort(Group g, HallCall call, int current, int max) {
    double floorS = new Kinematics(B).floorsTime(1);
    List<CarView> sorted = new ArrayList<>(g.cars());
    sorted.sort(Comparator.comparingDouble((CarView car) -> Math.max(0, car.readyAt(g.now()) - g.now())
        + Math.abs(car.firstStoppable(g.now()) - call.floor()) * floorS).thenComparingInt(CarView::index));
    List<Integer> out = new ArrayList<>(sorted.subList(0, max).stream().map(CarView::index).toList());
    if (current >= 0 && !out.contains(current)) out.add(current);
    return out;
  }
}
