package org.paternoster.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.orders.HallCall;

/**
 * Estimated time of arrival ({@link EtaEstimator}): a call goes to the car that would reach it
 * first given what it already has. Sticky: a call keeps its first car. Reassigned: every second
 * all calls are given out again, oldest first, each seeing the ones given before it. Idle cars stay
 * where they are.
 */
public final class EtaDispatcher implements GroupDispatcher {
  public static final String STICKY = "eta-sticky";
  public static final String REASSIGNED = "eta-reassigned";

  private final boolean reassign;
  private EtaEstimator eta;

  private EtaDispatcher(boolean reassign) {
    this.reassign = reassign;
  }

  public static EtaDispatcher sticky() {
    return new EtaDispatcher(false);
  }

  public static EtaDispatcher reassigned() {
    return new EtaDispatcher(true);
  }

  @Override
  public String name() {
    return reassign ? REASSIGNED : STICKY;
  }

  @Override
  public List<Decision> hallCallRegistered(HallCall call, GroupView group) {
    List<List<HallCall>> given = given(group, true);
    return List.of(new Decision.Assign(call, best(call, given, group)));
  }

  @Override
  public List<Decision> tick(GroupView group) {
    if (!reassign) return List.of();
    List<List<HallCall>> given = given(group, false);
    List<Decision> out = new ArrayList<>();
    for (PendingCall p : group.pendingCalls()) {
      int car = best(p.call(), given, group);
      given.get(car).add(p.call());
      out.add(new Decision.Assign(p.call(), car));
    }
    return out;
  }

  private int best(HallCall call, List<List<HallCall>> given, GroupView group) {
    if (eta == null) eta = new EtaEstimator(group.building(), group.kinematics());
    int best = 0;
    double bestT = Double.POSITIVE_INFINITY;
    for (CarView car : group.cars()) {
      double t = eta.eta(car, group.now(), given.get(car.index()), call);
      if (t < bestT) {
        best = car.index();
        bestT = t;
      }
    }
    return best;
  }

  /** Each car's current calls ({@code keep}), or none (everything is given out again). */
  private static List<List<HallCall>> given(GroupView group, boolean keep) {
    List<List<HallCall>> given = new ArrayList<>();
    for (int i = 0; i < group.cars().size(); i++) given.add(new ArrayList<>());
    if (keep) {
      for (PendingCall p : group.pendingCalls()) if (p.assignee() >= 0) given.get(p.assignee()).add(p.call());
    }
    return given;
  }
}
