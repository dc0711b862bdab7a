package org.paternoster.assign;

import java.util.List;
import java.util.Set;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;

/**
 * Decides which car serves each pending hall call. The primary calls it again on every change
 * (new call, state report, car lost or unavailable) and pushes the result when it differs.
 *
 * <p>Contract of {@link #assign}: deterministic (equal inputs give equal assignments) and free of
 * side effects on its inputs. When at least one car is available, every call in {@code hallCalls}
 * is under exactly one available car; when none is, the assignment is empty. Every available car
 * is listed, possibly with no calls; unavailable cars are never listed. Cab calls stay with their
 * car and are only an input ({@link ElevatorState#cabRequests()}).
 */
public interface Assigner {

  /**
   * @param hallCalls the pending hall calls, each with a button in {@code building}
   * @param elevators every known car with distinct ids, available or not
   * @throws IllegalArgumentException for a call outside the building or duplicate car ids
   */
  Assignment assign(Building building, Set<HallCall> hallCalls, List<ElevatorState> elevators);

  /**
   * Whether {@link #assign} may block (run a process, wait for a timeout). If so, the primary
   * calls it through {@code vertx.executeBlocking}, never on its event loop.
   */
  default boolean mayBlock() {
    return false;
  }

  /**
   * How long after an answer the primary should ask again although nothing changed, for an
   * assigner whose answer depends on time (waits grow, a hold runs its course); 0: never (the
   * answer depends on the inputs only).
   */
  default long reaskAfterMs() {
    return 0;
  }
}
