package org.paternoster.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.orders.HallCall;

/**
 * The cars worth weighing for a call in a big group: the {@code max} that could reach its floor
 * soonest by a quick estimate (time until ready to move, plus floors to go at one floor's trip
 * time each; ties to the lower index), and the car it has now. Every car when the group is no
 * bigger than {@code max}.
 *
 * <p>Made once per decision ({@link #of}): each car's part of the estimate is read once, and each
 * call then costs one pass over the cars (a top-{@code max} insertion), not a sort with the cars'
 * state read again at every comparison. Pure.
 */
final class Candidates {
  private final List<? extends CarView> cars;
  private final int max;
  /** Per car: seconds until it is ready to move, and the first floor where it could stop. */
  private final double[] readyIn;
  private final int[] firstFloor;
  private final double floorS;
  // scratch for one call: the best cars so far, ordered by (estimate, index)
  private final int[] best;
  private final double[] bestKey;

  private Candidates(GroupView g, int max) {
    this.cars = g.cars();
    this.max = max;
    double now = g.now();
    int n = cars.size();
    readyIn = new double[n];
    firstFloor = new int[n];
    for (int i = 0; i < n; i++) {
      CarView car = cars.get(i);
      readyIn[i] = Math.max(0, car.readyAt(now) - now);
      firstFloor[i] = car.firstStoppable(now);
    }
    floorS = g.kinematics().floorsTime(1);
    best = new int[max];
    bestKey = new double[max];
  }

  /** The candidates of group {@code g} as it is now (cars are indexed by their position in {@code g.cars()}). */
  static Candidates of(GroupView g, int max) {
    return new Candidates(g, max);
  }

  /** The cars to weigh for {@code call}, soonest first, then {@code current} (a car index, or -1) if not among them. */
  List<CarView> soonest(HallCall call, int current) {
    int n = cars.size();
    if (n <= max) return List.copyOf(cars);
    int size = 0;
    for (int i = 0; i < n; i++) {
      double key = readyIn[i] + Math.abs(firstFloor[i] - call.floor()) * floorS;
      if (size == max && !(key < bestKey[max - 1])) continue; // ties keep the lower index, already in
      int at = size == max ? max - 1 : size++;
      while (at > 0 && key < bestKey[at - 1]) {
        best[at] = best[at - 1];
        bestKey[at] = bestKey[at - 1];
        at--;
      }
      best[at] = i;
      bestKey[at] = key;
    }
    List<CarView> out = new ArrayList<>(max + 1);
    boolean hasCurrent = false;
    for (int j = 0; j < max; j++) {
      out.add(cars.get(best[j]));
      hasCurrent |= best[j] == current;
    }
    if (current >= 0 && !hasCurrent) out.add(cars.get(current));
    return out;
  }
}
