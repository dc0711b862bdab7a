package org.paternoster.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paternoster.dispatch.CarView;
import org.paternoster.dispatch.Decision;
import org.paternoster.dispatch.GroupDispatcher;
import org.paternoster.dispatch.GroupView;
import org.paternoster.dispatch.Kinematics;
import org.paternoster.dispatch.PaternosterDispatcher;
import org.paternoster.dispatch.PendingCall;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;

/**
 * A group dispatcher of the {@code dispatch} module (by default Paternoster's own, without the car
 * load the course's hardware does not report) running as the primary's {@link Assigner}: on every
 * change it is shown the group ({@link CourseCar} per available car, the pending hall calls oldest
 * first with the car each has now) and reassigns what it finds better; the rest keep their car.
 *
 * <p>The primary sees reports, not events: the dispatcher's events are derived from successive
 * reports (a new hall call; a car whose door opened or closed, so it learns who boards at the
 * lobby; a car that went idle with nothing to serve, so it may park it). Its park floors and lobby
 * holds go back in the {@link Assignment} as {@link Standby} advice, which the push carries to the car.
 *
 * <p>Unlike the stateless assigners it remembers, between calls: the last assignment (a call
 * moves only when another car is better by the dispatcher's hysteresis, so cars do not flip-flop),
 * when each call was first seen (its waiting time so far), each car's last report, park floors and
 * holds, and the demand it learned. So it is deterministic given the sequence of its inputs and
 * clock readings, not per call, and asked again every second ({@link #reaskAfterMs}); a new primary
 * starts it afresh (nothing of it needs replicating: every call is reassigned on the first change).
 * It is rebuilt when the set of available cars changes, keeping the demand it learned. Cheap enough
 * for the event loop (docs/DISPATCH.md, "In the product"). One thread.
 */
public final class GroupDispatchAssigner implements Assigner {
  /** The name of Paternoster's dispatcher in {@code --dispatcher}. */
  public static final String NAME = PaternosterDispatcher.NAME;
  /** Capacity the dispatcher is told (never read without load; the course's cars carry about 8). */
  static final int CAPACITY = 8;

  private final Supplier<GroupDispatcher> factory;
  private final LongSupplier clockMs;
  private final double floorS;
  private final double doorS;
  private GroupDispatcher dispatcher;
  private org.paternoster.dispatch.Building model;
  private Kinematics kinematics;
  private List<String> cars = List.of();
  private final Map<HallCall, Double> firstSeen = new HashMap<>();
  private Assignment last = Assignment.none(List.of());
  // per car of the fleet, by index in id order
  private ElevatorState[] previous = new ElevatorState[0]; // its report at the last call: changes are the dispatcher's events
  private int[] parked = new int[0]; // the floor it was told to park at, or Standby.NO_PARK
  private boolean[] held = new boolean[0]; // told to keep its doors open

  /**
   * @param clockMs monotonic milliseconds (waiting times and learned demand)
   * @param travelMillis floor-to-floor travel time; @param doorMillis one door opening (as {@link TimeToIdleAssigner})
   */
  public GroupDispatchAssigner(Supplier<GroupDispatcher> factory, LongSupplier clockMs, long travelMillis, long doorMillis) {
    if (travelMillis <= 0 || doorMillis < 0) throw new IllegalArgumentException("travel time must be > 0 and door time >= 0");
    this.factory = factory;
    this.clockMs = clockMs;
    this.floorS = travelMillis / 1000.0;
    this.doorS = doorMillis / 1000.0;
  }

  /** Paternoster's dispatcher without car load, with the course's times. */
  public static GroupDispatchAssigner paternoster(LongSupplier clockMs) {
    return new GroupDispatchAssigner(() -> new PaternosterDispatcher(false), clockMs,
        TimeToIdleAssigner.DEFAULT_TRAVEL_MILLIS, TimeToIdleAssigner.DEFAULT_DOOR_MILLIS);
  }

  /** Every second, as the dispatcher's own tick in the traffic simulator: waits grow, holds end. */
  @Override
  public long reaskAfterMs() {
    return 1_000;
  }

  @Override
  public Assignment assign(Building building, Set<HallCall> hallCalls, List<ElevatorState> elevators) {
    AssignmentProblem problem = new AssignmentProblem(building, hallCalls, elevators);
    List<ElevatorState> available = new ArrayList<>(problem.available());
    available.sort(Comparator.comparing(ElevatorState::id));
    if (available.isEmpty()) return Assignment.none(List.of());
    List<String> ids = available.stream().map(ElevatorState::id).toList();
    if (!ids.equals(cars) || model == null || model.floors() != building.floors()) rebuild(ids, building.floors());
    double now = clockMs.getAsLong() / 1000.0;
    firstSeen.keySet().retainAll(hallCalls);
    List<HallCall> calls = new ArrayList<>(problem.callsInOrder());
    List<HallCall> fresh = new ArrayList<>();
    for (HallCall c : calls) {
      if (firstSeen.putIfAbsent(c, now) == null) fresh.add(c);
    }
    calls.sort(Comparator.comparingDouble((HallCall c) -> firstSeen.get(c)).thenComparing(Assignment.CALL_ORDER));

    Map<HallCall, Integer> assignee = new LinkedHashMap<>(); // each call's car in the decision being made
    List<PendingCall> pending = new ArrayList<>();
    for (HallCall c : calls) {
      int car = last.assigneeOf(c).map(ids::indexOf).orElse(-1);
      assignee.put(c, car);
      pending.add(new PendingCall(c, firstSeen.get(c), car));
    }
    List<CourseCar> views = new ArrayList<>();
    for (int i = 0; i < available.size(); i++) {
      views.add(new CourseCar(i, available.get(i), building.floors(), CAPACITY, kinematics, doorS, now, parked[i]));
    }
    GroupView group = new Group(now, model, kinematics, views, pending);
    // What the reports say happened since the last call, as the dispatcher's events: it learns
    // demand from new calls and from cars leaving the lobby, and parks cars that went idle.
    for (int i = 0; i < available.size(); i++) {
      ElevatorState report = available.get(i);
      ElevatorState before = previous[i];
      if (before == null || before.behaviour() != report.behaviour() || before.floor() != report.floor()
          || before.direction() != report.direction()) {
        apply(dispatcher.carChanged(i, group), assignee, now);
        if (report.behaviour() == Behaviour.IDLE && (before == null || before.behaviour() != Behaviour.IDLE)
            && nothingToServe(i, report, building.floors())) {
          apply(dispatcher.carIdle(i, group), assignee, now);
        }
      }
      previous[i] = report;
    }
    for (HallCall c : fresh) apply(dispatcher.hallCallRegistered(c, group), assignee, now);
    apply(dispatcher.tick(group), assignee, now);
    for (int i = 0; i < available.size(); i++) {
      ElevatorState s = available.get(i);
      // Arrived where it was sent (or opened its doors there): parking done, as in the simulator.
      if (parked[i] == s.floor() && s.behaviour() != Behaviour.MOVING) parked[i] = Standby.NO_PARK;
      if (s.behaviour() != Behaviour.DOOR_OPEN) held[i] = false;
    }

    Map<String, Set<HallCall>> result = new LinkedHashMap<>();
    ids.forEach(id -> result.put(id, new LinkedHashSet<>()));
    // A call the dispatcher left with no car (it always gives one; this keeps the contract total) goes to the first.
    assignee.forEach((call, car) -> result.get(ids.get(Math.max(0, car))).add(call));
    Map<String, Standby> standby = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) standby.put(ids.get(i), new Standby(parked[i], held[i]));
    last = new Assignment(result, standby);
    return last;
  }

  /** Applies the dispatcher's decisions: assignments (a car given a call stops parking), park floors, holds. */
  private void apply(List<Decision> decisions, Map<HallCall, Integer> assignee, double now) {
    for (Decision d : decisions) {
      if (d instanceof Decision.Assign a) {
        if (assignee.containsKey(a.call()) && a.car() >= 0 && a.car() < cars.size()) {
          if (assignee.put(a.call(), a.car()) != a.car()) parked[a.car()] = Standby.NO_PARK;
        }
      } else if (d instanceof Decision.Park p) {
        if (p.car() >= 0 && p.car() < cars.size() && p.floor() >= 0 && p.floor() < model.floors()) parked[p.car()] = p.floor();
      } else if (d instanceof Decision.Hold h) {
        if (h.car() >= 0 && h.car() < cars.size()) held[h.car()] = h.untilS() > now;
      }
    }
  }

  /** No cab call, and no hall call given to it last time: a car that may park. */
  private boolean nothingToServe(int car, ElevatorState s, int floors) {
    for (int f = 0; f < floors; f++) if (s.cabRequest(f)) return false;
    return last.callsFor(cars.get(car)).isEmpty();
  }

  /** A fresh dispatcher for this fleet: a building of the course's timing with these cars. */
  private void rebuild(List<String> ids, int floors) {
    cars = ids;
    // Constant speed between floors (the course's simulator): a steep acceleration makes the
    // trapezoid a rectangle; one floor of 1 m takes floorS. Doors: open and dwell as one time.
    model = new org.paternoster.dispatch.Building("course", floors, 1, ids.size(), CAPACITY, 1.0, 1.0 / floorS, 1_000.0,
        0, 0, 0, doorS, 0);
    kinematics = new Kinematics(model);
    GroupDispatcher previousDispatcher = dispatcher;
    dispatcher = factory.get();
    if (previousDispatcher != null) dispatcher.succeed(previousDispatcher); // the traffic it learned stays
    last = Assignment.none(List.of());
    previous = new ElevatorState[ids.size()];
    parked = new int[ids.size()];
    java.util.Arrays.fill(parked, Standby.NO_PARK);
    held = new boolean[ids.size()];
  }

  private record Group(double now, org.paternoster.dispatch.Building building, Kinematics kinematics,
      List<? extends CarView> cars, List<PendingCall> pendingCalls) implements GroupView {}
}
