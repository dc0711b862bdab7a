package org.paternoster.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.assign.MotorDirection;
import org.paternoster.orders.HallCall;

/**
 * Nearest car by Barney's figure of suitability (FS), N the floors above the lobby and d the
 * distance in floors: a car moving towards the call in the call's direction FS = N + 2 − d, towards
 * it the other way N + 1 − d, an idle car N + 1 − d, a car moving away 1; highest FS wins (ties:
 * lowest car). Every call is reassigned every second; a new call is assigned at once; idle cars
 * return to the lobby.
 */
public final class NearestCarDispatcher implements GroupDispatcher {
  public static final String NAME = "nearest-car";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Decision> hallCallRegistered(HallCall call, GroupView group) {
    return List.of(new Decision.Assign(call, best(call, group)));
  }

  @Override
  public List<Decision> tick(GroupView group) {
    List<Decision> out = new ArrayList<>();
    for (PendingCall p : group.pendingCalls()) out.add(new Decision.Assign(p.call(), best(p.call(), group)));
    return out;
  }

  @Override
  public List<Decision> carIdle(int car, GroupView group) {
    return group.cars().get(car).floor() == 0 ? List.of() : List.of(new Decision.Park(car, 0));
  }

  private static int best(HallCall call, GroupView group) {
    int best = 0;
    double bestFs = Double.NEGATIVE_INFINITY;
    for (CarView car : group.cars()) {
      double fs = suitability(car, call, group.building().floors() - 1, group.now());
      if (fs > bestFs) {
        best = car.index();
        bestFs = fs;
      }
    }
    return best;
  }

  static double suitability(CarView car, HallCall call, int n, double now) {
    double pos = car.position(now);
    double d = Math.abs(call.floor() - pos);
    MotorDirection dir = car.direction();
    if (dir == MotorDirection.STOP || car.state() == CarState.IDLE) return n + 1 - d;
    boolean towards = (call.floor() - pos) * dir.step() > 0 || (call.floor() == pos && car.state() != CarState.MOVING);
    if (!towards) return 1;
    return Directions.of(call.direction()) == dir ? n + 2 - d : n + 1 - d;
  }
}
