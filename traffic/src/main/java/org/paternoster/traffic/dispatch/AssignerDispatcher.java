package org.paternoster.traffic.dispatch;

import org.paternoster.dispatch.CarView;
import org.paternoster.dispatch.Decision;
import org.paternoster.dispatch.GroupDispatcher;
import org.paternoster.dispatch.GroupView;
import org.paternoster.dispatch.PendingCall;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.paternoster.assign.Assigner;
import org.paternoster.assign.Assignment;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.ElevatorState;
import org.paternoster.assign.MotorDirection;
import org.paternoster.assign.Standby;
import org.paternoster.orders.HallCall;
import org.paternoster.replica.elevators.Dispatcher;
import org.paternoster.dispatch.Building;

/**
 * Runs Paternoster's production assignment ({@link Dispatcher} over an {@link Assigner}, by default
 * the {@link org.paternoster.assign.TimeToIdleAssigner} the primary ships) on the simulated group,
 * as the primary does: every pending hall call is reassigned on every change. The simulator's state
 * is translated into the course model the assigner reads ({@link ElevatorState}: last floor, idle /
 * moving / door open, direction, cab calls) and the {@link Assignment} back into decisions.
 *
 * <p>What the course model cannot say is dropped (graceful degradation, as on course hardware):
 * car load and capacity (a full car still gets calls; it passes them by and they are reassigned),
 * how far a car is between floors and how long its doors have been open (the assigner takes both as
 * half done), the real trip and door times (the assigner's own constants: 2.5 s a floor, 3 s a
 * door). Idle cars stay where they are: the production code does not park.
 */
public final class AssignerDispatcher implements GroupDispatcher {
  public static final String TIME_TO_IDLE = org.paternoster.assign.Assigners.TIME_TO_IDLE;
  public static final String EXTERNAL = "assigner-cmd";
  /** The primary's {@code --dispatcher paternoster}: Paternoster's dispatcher behind the course model, as it runs live. */
  public static final String LIVE = "paternoster-live";

  private final String name;
  private final Assigner assigner;
  private final boolean onEveryChange;
  private Dispatcher production;
  private double simNowS; // the simulation's time at the current decision
  private String idFormat;
  private final Set<Integer> held = new java.util.HashSet<>(); // cars told to hold their doors

  /**
   * @param onEveryChange reassign on every car state change too (the primary's behaviour); false
   *     for a slow assigner (an external program): on new calls and every second only
   */
  public AssignerDispatcher(String name, Assigner assigner, boolean onEveryChange) {
    this.name = name;
    this.assigner = assigner;
    this.onEveryChange = onEveryChange;
  }

  /**
   * An assigner that reads a clock (one that learns over time, as the primary's {@code paternoster}
   * dispatcher does): {@code make} gets the simulation's clock in milliseconds.
   */
  public AssignerDispatcher(String name, java.util.function.Function<java.util.function.LongSupplier, Assigner> make, boolean onEveryChange) {
    this.name = name;
    this.assigner = make.apply(() -> Math.round(simNowS * 1000));
    this.onEveryChange = onEveryChange;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Decision> hallCallRegistered(HallCall call, GroupView group) {
    return reassign(group);
  }

  @Override
  public List<Decision> carChanged(int car, GroupView group) {
    return onEveryChange ? reassign(group) : List.of();
  }

  @Override
  public List<Decision> tick(GroupView group) {
    return reassign(group);
  }

  @Override
  public List<Decision> carIdle(int car, GroupView group) {
    return onEveryChange ? reassign(group) : List.of();
  }

  private List<Decision> reassign(GroupView group) {
    Building b = group.building();
    if (production == null) {
      // the production building type caps floors (orders.Building.MAX_FLOORS): a clear error beyond it
      production = new Dispatcher(new org.paternoster.orders.Building(b.floors()), assigner);
      idFormat = "car%0" + String.valueOf(b.cars() - 1).length() + "d";
    }
    simNowS = group.now();
    List<PendingCall> pending = group.pendingCalls();
    Set<HallCall> calls = new LinkedHashSet<>();
    pending.forEach(p -> calls.add(p.call()));
    List<ElevatorState> states = new ArrayList<>();
    for (CarView car : group.cars()) states.add(state(car, b.floors()));
    Assignment assignment = production.assign(new Dispatcher.Problem(calls, states));
    List<Decision> out = new ArrayList<>();
    for (CarView car : group.cars()) {
      String id = id(car.index());
      for (HallCall c : assignment.callsFor(id)) out.add(new Decision.Assign(c, car.index()));
      Standby standby = assignment.standbyOf(id);
      if (standby.parks()) out.add(new Decision.Park(car.index(), standby.parkFloor()));
      // A hold lasts until the next decision says otherwise (at most a second: the next tick).
      boolean hold = standby.holdDoors();
      if (hold || held.remove(car.index())) out.add(new Decision.Hold(car.index(), hold ? group.now() + 1.5 : group.now()));
      if (hold) held.add(car.index());
    }
    return out;
  }

  private ElevatorState state(CarView car, int floors) {
    boolean[] cab = new boolean[floors];
    for (int f = 0; f < floors; f++) cab[f] = car.cabStop(f);
    Behaviour behaviour = switch (car.state()) {
      case IDLE -> Behaviour.IDLE;
      case STARTING, MOVING -> Behaviour.MOVING;
      case OPENING, OPEN, CLOSING -> Behaviour.DOOR_OPEN;
    };
    MotorDirection direction = behaviour == Behaviour.IDLE ? MotorDirection.STOP : car.direction();
    return new ElevatorState(id(car.index()), car.floor(), behaviour, direction, cab, true);
  }

  private String id(int index) {
    return String.format(Locale.ROOT, idFormat, index);
  }
}
