package org.paternoster.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.paternoster.orders.HallCall;

/**
 * The cars worth weighing for a call in a big group: the {@code max} that could reach its floor
 * soonest by a quick estimate (time until ready to move, plus floors to go at one floor's trip
 * time each; ties to the lower index), and the car it has now. Every car when the group is no
 * bigger than {@code max}. Pure.
 */
final class Candidates {
  private Candidates() {}

  static List<CarView> soonest(GroupView g, HallCall call, int current, int max) {
    List<? extends CarView> cars = g.cars();
    if (cars.size() <= max) return List.copyOf(cars);
    double now = g.now();
    double floorS = g.kinematics().floorsTime(1);
    List<CarView> sorted = new ArrayList<>(cars);
    sorted.sort(Comparator.comparingDouble((CarView car) ->
        Math.max(0, car.readyAt(now) - now) + Math.abs(car.firstStoppable(now) - call.floor()) * floorS)
        .thenComparingInt(CarView::index));
    List<CarView> out = new ArrayList<>(sorted.subList(0, max));
    if (current >= 0 && out.stream().noneMatch(car -> car.index() == current)) out.add(cars.get(current));
    return out;
  }
}
