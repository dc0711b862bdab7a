package org.paternoster.assign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.paternoster.orders.Building;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/** Test fixtures: cars in given states, hall calls, and seeded random assignment problems. */
final class Cars {
  private Cars() {}

  static ElevatorState idle(String id, int floor, int floors) {
    return ElevatorState.idle(id, floor, floors);
  }

  static ElevatorState moving(String id, int lastFloor, MotorDirection direction, int floors) {
    return new ElevatorState(id, lastFloor, Behaviour.MOVING, direction, new boolean[floors], true);
  }

  static ElevatorState doorOpen(String id, int floor, MotorDirection direction, int floors) {
    return new ElevatorState(id, floor, Behaviour.DOOR_OPEN, direction, new boolean[floors], true);
  }

  static HallCall up(int floor) {
    return new HallCall(floor, Direction.UP);
  }

  static HallCall down(int floor) {
    return new HallCall(floor, Direction.DOWN);
  }

  /**
   * A random problem: 2–9 floors, 1–4 cars in any state (including inconsistent ones such as
   * moving with direction stop, or moving up from the top floor), about a quarter unavailable.
   */
  static AssignmentProblem random(Random random) {
    Building building = new Building(2 + random.nextInt(8));
    int floors = building.floors();
    List<ElevatorState> cars = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      boolean[] cab = new boolean[floors];
      for (int f = 0; f < floors; f++) cab[f] = random.nextInt(3) == 0;
      cars.add(new ElevatorState("e" + random.nextInt(1000) + "-" + i, random.nextInt(floors),
          pick(random, Behaviour.values()), pick(random, MotorDirection.values()), cab, random.nextInt(4) != 0));
    }
    Set<HallCall> calls = new HashSet<>();
    for (int f = 0; f < floors; f++) {
      if (f < floors - 1 && random.nextBoolean()) calls.add(up(f));
      if (f > 0 && random.nextBoolean()) calls.add(down(f));
    }
    return new AssignmentProblem(building, calls, cars);
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
