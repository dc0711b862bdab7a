package org.paternoster.dispatch;

import java.util.List;
import org.paternoster.orders.HallCall;

/**
 * A group controller as the traffic simulator drives it. Each callback gets a read-only view of
 * the group and returns {@link Decision}s, applied at once; the simulator times every call
 * (decision time p99). The cars themselves run directional-collective control over their cab
 * calls and the hall calls given to them, and brake for a new stop only when they still can.
 *
 * <p>Contract: called from one thread; deterministic (equal histories give equal decisions, so
 * runs are byte-identical); never blocks. A dispatcher may keep state between calls; a fresh
 * instance per run (the traffic benchmark's {@code Dispatchers.create}) or per fleet (the primary's
 * {@code GroupDispatchAssigner}).
 */
public interface GroupDispatcher {
  String name();

  /** Whether it plans the cars' routes itself (false for every dispatcher here: collective control does). */
  default boolean plansRoutes() {
    return false;
  }

  /** A hall button was lit (a new passenger, or someone left behind when doors closed). */
  default List<Decision> hallCallRegistered(HallCall call, GroupView group) {
    return List.of();
  }

  /** Car {@code car} changed state (began opening, closing, a trip, arrived, or went idle). */
  default List<Decision> carChanged(int car, GroupView group) {
    return List.of();
  }

  /** Every second of simulated time: the moment to reassign. */
  default List<Decision> tick(GroupView group) {
    return List.of();
  }

  /**
   * This dispatcher replaces {@code previous} for a changed group of cars in the same building
   * (the primary's fleet changed): it may keep what {@code previous} learned of the traffic.
   * Called once, before any other callback.
   */
  default void succeed(GroupDispatcher previous) {}

  /** Car {@code car} went idle (nothing to do, doors closed): where should it park? */
  default List<Decision> carIdle(int car, GroupView group) {
    return List.of();
  }
}
