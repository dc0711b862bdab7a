package org.paternoster.traffic;

import org.paternoster.dispatch.Building;
import org.paternoster.dispatch.Kinematics;
import org.paternoster.dispatch.Trip;
import org.paternoster.dispatch.CarState;
import org.paternoster.dispatch.Directions;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.paternoster.assign.MotorDirection;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;
import org.paternoster.traffic.EventQueue.Event;
import org.paternoster.dispatch.Decision;
import org.paternoster.dispatch.GroupDispatcher;
import org.paternoster.dispatch.GroupView;
import org.paternoster.dispatch.PendingCall;

/**
 * The discrete-event run of one trace through one dispatcher (docs/DISPATCH.md). Cars start idle
 * at the lobby, doors closed. Arrivals come from the trace; a tick every second lets the
 * dispatcher reassign. The run ends when everyone has alighted, or {@link #DRAIN_S} after the
 * later of the measured window's end and the last arrival. Single use, single thread; equal
 * inputs give equal runs (ties between events at the same time go in scheduling order).
 *
 * <p>The stop cycle: doors open → alight one by one → board one by one (FIFO among those going the
 * announced way, up to capacity) → the doors stay open at least the minimum dwell → close → start
 * delay. Opening at floor f announcing d cancels hall call (f, d); when the doors close, anyone
 * still waiting there for d lights it again.
 */
public final class Simulation implements GroupView {
  public static final double TICK_S = 1.0;
  public static final double DRAIN_S = 3600;

  private final Building building;
  private final Kinematics kinematics;
  private final List<Passenger> passengers;
  private final GroupDispatcher dispatcher;
  private final TrafficListener listener;
  private final double limit;
  private final Car[] cars;
  private final List<Car> carList;
  private final HallCalls calls;
  private final Landings landings;
  private final Routing routing;
  private final EventQueue queue = new EventQueue();
  private final ArrayDeque<Notice> notices = new ArrayDeque<>();
  private double now;
  private int nextArrival;
  private int alighted;
  private long stops;
  private double carMetres;
  private final DecisionTimes decisionTimes = new DecisionTimes();
  private boolean ran;

  private record Notice(int car, HallCall call, boolean idle) {}

  /**
   * @param passengers the trace, in arrival order
   * @param measuredEndS the end of the measured window (the run drains for an hour after it)
   */
  public Simulation(Building building, List<Passenger> passengers, GroupDispatcher dispatcher, double measuredEndS,
      TrafficListener listener) {
    this.building = building;
    this.kinematics = new Kinematics(building);
    this.passengers = passengers.stream().sorted(Comparator.comparingDouble(Passenger::arrivalAt)).toList();
    for (Passenger p : this.passengers) {
      if (p.origin() < 0 || p.origin() >= building.floors() || p.destination() < 0 || p.destination() >= building.floors()) {
        throw new IllegalArgumentException(p + " is outside " + building.name() + " (floors 0.." + (building.floors() - 1) + ")");
      }
    }
    this.dispatcher = dispatcher;
    this.listener = listener == null ? new TrafficListener() {} : listener;
    double lastArrival = this.passengers.isEmpty() ? 0 : this.passengers.get(this.passengers.size() - 1).arrivalAt();
    this.limit = Math.max(measuredEndS, lastArrival) + DRAIN_S;
    this.cars = new Car[building.cars()];
    for (int i = 0; i < cars.length; i++) cars[i] = new Car(i, building, kinematics, 0);
    this.carList = List.of(cars);
    this.calls = new HallCalls(building.floors());
    this.landings = new Landings(building.floors());
    this.routing = new Routing(calls, building.floors());
  }

  /** Runs to the end; returns this. */
  public Simulation run() {
    if (ran) throw new IllegalStateException("a simulation runs once");
    ran = true;
    scheduleNextArrival();
    queue.schedule(0, EventQueue.Kind.TICK, -1, 0, null);
    while (!queue.isEmpty()) {
      Event e = queue.poll();
      if (e.at() > limit) break;
      setNow(e.at());
      handle(e);
      drainNotices();
      listener.afterEvent(now, landings.waiting());
      if (finished()) break;
    }
    return this;
  }

  // ---- GroupView

  @Override
  public double now() {
    return now;
  }

  @Override
  public Building building() {
    return building;
  }

  @Override
  public Kinematics kinematics() {
    return kinematics;
  }

  @Override
  public List<Car> cars() {
    return carList;
  }

  @Override
  public List<PendingCall> pendingCalls() {
    return calls.pending();
  }

  // ---- results

  public List<Passenger> passengers() {
    return passengers;
  }

  public long stops() {
    return stops;
  }

  public double carKm() {
    return carMetres / 1000;
  }

  /** Nanoseconds of every dispatcher call, in order. */
  public long[] decisionNanos() {
    return decisionTimes.all();
  }

  /** The time of the last event handled. */
  public double endedAt() {
    return now;
  }

  // ---- events

  private boolean finished() {
    return nextArrival == passengers.size() && alighted == passengers.size();
  }

  private void setNow(double t) {
    now = t;
    for (Car c : cars) c.stepNow = t;
  }

  private void scheduleNextArrival() {
    if (nextArrival < passengers.size()) {
      Passenger p = passengers.get(nextArrival);
      queue.schedule(p.arrivalAt(), EventQueue.Kind.ARRIVAL, -1, 0, p);
    }
  }

  private void handle(Event e) {
    switch (e.kind()) {
      case ARRIVAL -> {
        nextArrival++;
        scheduleNextArrival();
        arrive(e.passenger());
      }
      case TICK -> {
        apply(timed(() -> dispatcher.tick(this)));
        if (!finished()) queue.schedule(now + TICK_S, EventQueue.Kind.TICK, -1, 0, null);
      }
      default -> {
        Car c = cars[e.car()];
        if (e.token() != c.token) return; // superseded by a later step of the same car
        switch (e.kind()) {
          case ARRIVE -> arriveAtFloor(c);
          case OPENED -> {
            c.state = CarState.OPEN;
            c.openedAt = now;
            transfer(c);
          }
          case STEP_DONE -> transfer(c);
          case CLOSED -> closed(c);
          case START -> start(c);
          default -> throw new IllegalStateException(e.kind().toString());
        }
      }
    }
  }

  private void arrive(Passenger p) {
    landings.arrive(p);
    // a newcomer presses the button unless an open car going their way has room for everyone ahead of them
    Car boarding = openCarFor(p.origin(), p.direction(), landings.waitingFor(p.origin(), p.direction()) - 1);
    if (boarding == null) {
      register(new HallCall(p.origin(), p.direction()));
    } else if (boarding.state == CarState.OPEN && !boarding.transferring) {
      transfer(boarding); // doors open and nobody stepping through: board at once
    }
  }

  /**
   * A car at {@code f} with its doors opening or open, announcing {@code d} or nothing, with room
   * for {@code ahead} people more and one; else null.
   */
  private Car openCarFor(int f, Direction d, int ahead) {
    for (Car c : cars) {
      if (c.floor == f && (c.state == CarState.OPENING || c.state == CarState.OPEN)
          && c.load() - c.alightingAt(f) + ahead < building.capacity()
          && (c.direction == MotorDirection.STOP || c.direction == Directions.of(d))) {
        return c;
      }
    }
    return null;
  }

  private void register(HallCall call) {
    if (calls.register(call, now)) notices.add(new Notice(-1, call, false));
  }

  private void arriveAtFloor(Car c) {
    Trip t = c.trip;
    carMetres += Math.abs(t.target() - t.origin()) * building.floorHeightM();
    c.floor = t.target();
    c.state = CarState.IDLE; // at rest, doors closed; the direction is kept until decided
    if (c.parkFloor == c.floor) c.parkFloor = -1;
    int f = c.floor;
    boolean fullAfter = c.load() - c.alightingAt(f) >= building.capacity();
    MotorDirection announce = announceAt(c, f, fullAfter);
    Direction hall = Directions.hall(announce);
    boolean serve = hall != null && !fullAfter && calls.registered(f, hall);
    if (c.alightingAt(f) > 0 || serve) {
      openDoors(c, announce);
    } else {
      decideNext(c);
    }
  }

  /** The direction a car arriving at {@code f} announces (docs/DISPATCH.md: boards only that way). */
  private MotorDirection announceAt(Car c, int f, boolean fullAfter) {
    MotorDirection dir = c.direction;
    if (dir != MotorDirection.STOP && routing.anyBeyond(c, f, dir)) return dir;
    if (dir != MotorDirection.STOP && !fullAfter && calls.registered(f, Directions.hall(dir))) return dir;
    if (dir != MotorDirection.STOP && !fullAfter && calls.registered(f, Directions.hall(dir.opposite()))) return dir.opposite();
    if (dir == MotorDirection.STOP && !fullAfter) {
      if (calls.registered(f, Direction.UP)) return MotorDirection.UP;
      if (calls.registered(f, Direction.DOWN)) return MotorDirection.DOWN;
    }
    if (dir != MotorDirection.STOP && routing.anyBeyond(c, f, dir.opposite())) return dir.opposite();
    return MotorDirection.STOP;
  }

  private void openDoors(Car c, MotorDirection announce) {
    int f = c.floor;
    c.state = CarState.OPENING;
    c.direction = announce;
    c.doorOpenStartAt = now;
    c.idleNotified = false;
    if (c.parkFloor == f) c.parkFloor = -1;
    stops++;
    Direction hall = Directions.hall(announce);
    if (hall != null) calls.cancel(f, hall); // opening at f serving d cancels (f, d)
    for (Passenger p : c.onBoard) if (p.destination() == f) p.deliveredAt = now;
    scheduleStep(c, now + building.doorOpenS(), EventQueue.Kind.OPENED);
    notices.add(new Notice(c.index(), null, false));
  }

  /** One step of the open-door phase: alight, else board, else dwell, hold or close. */
  private void transfer(Car c) {
    int f = c.floor;
    for (int i = 0; i < c.onBoard.size(); i++) {
      Passenger p = c.onBoard.get(i);
      if (p.destination() == f) {
        c.onBoard.remove(i);
        p.alightedAt = now;
        alighted++;
        listener.alighted(p, c.index(), f, now);
        c.transferring = true;
        scheduleStep(c, now + building.transferS(), EventQueue.Kind.STEP_DONE);
        return;
      }
    }
    if (!c.full()) {
      Passenger p = landings.takeFirst(f, c.direction);
      if (p != null) {
        if (c.direction == MotorDirection.STOP) {
          c.direction = Directions.of(p.direction()); // the first to board sets the direction
          calls.cancel(f, p.direction());
        }
        p.waitEndAt = p.arrivalAt() <= c.doorOpenStartAt ? c.doorOpenStartAt : p.arrivalAt();
        p.boardedAt = now;
        p.car = c.index();
        c.onBoard.add(p);
        listener.boarded(p, c.index(), f, c.direction, c.load(), now);
        c.transferring = true;
        scheduleStep(c, now + building.transferS(), EventQueue.Kind.STEP_DONE);
        return;
      }
    }
    c.transferring = false;
    double dwellEnd = c.openedAt + building.minDwellS();
    if (now < dwellEnd) {
      scheduleStep(c, dwellEnd, EventQueue.Kind.STEP_DONE);
      return;
    }
    if (c.holdUntil > now && !c.full()) {
      scheduleStep(c, c.holdUntil, EventQueue.Kind.STEP_DONE);
      return;
    }
    c.state = CarState.CLOSING;
    scheduleStep(c, now + building.doorCloseS(), EventQueue.Kind.CLOSED);
    notices.add(new Notice(c.index(), null, false));
  }

  private void closed(Car c) {
    int f = c.floor;
    c.state = CarState.IDLE; // doors closed, at rest; decideNext settles it
    Direction hall = Directions.hall(c.direction);
    for (Direction d : Direction.values()) {
      if (hall != null && hall != d) continue;
      if (!landings.anyWaiting(f, d)) {
        calls.cancel(f, d); // lit while these doors were open, and nobody is left to serve
      } else if (openCarFor(f, d, landings.waitingFor(f, d) - 1) == null) {
        register(new HallCall(f, d)); // those left behind (full car, or came while the doors closed) press again
      }
    }
    decideNext(c);
  }

  /** A car at rest with its doors closed: serve here, go on, turn, or go idle. */
  private void decideNext(Car c) {
    int f = c.floor;
    MotorDirection dir = c.direction;
    boolean full = c.full();
    if (dir != MotorDirection.STOP && !full) {
      Direction along = Directions.hall(dir);
      if (calls.registered(f, along) && landings.anyWaiting(f, along)) {
        openDoors(c, dir);
        return;
      }
    }
    if (dir != MotorDirection.STOP && routing.anyBeyond(c, f, dir)) {
      depart(c, dir);
      return;
    }
    if (!full) {
      for (MotorDirection d : dir == MotorDirection.STOP ? List.of(MotorDirection.UP, MotorDirection.DOWN) : List.of(dir.opposite())) {
        Direction h = Directions.hall(d);
        int assignee = calls.assignee(f, h);
        if (calls.registered(f, h) && (assignee == c.index() || assignee < 0)) {
          openDoors(c, d);
          return;
        }
      }
    }
    MotorDirection back = dir == MotorDirection.STOP
        ? routing.towardNearest(c, f)
        : routing.anyBeyond(c, f, dir.opposite()) ? dir.opposite() : MotorDirection.STOP;
    if (back != MotorDirection.STOP) {
      depart(c, back);
      return;
    }
    c.state = CarState.IDLE;
    c.direction = MotorDirection.STOP;
    if (c.parkFloor == f) c.parkFloor = -1;
    if (!c.idleNotified) {
      c.idleNotified = true;
      notices.add(new Notice(c.index(), null, false));
      notices.add(new Notice(c.index(), null, true));
    }
  }

  private void depart(Car c, MotorDirection dir) {
    c.state = CarState.STARTING;
    c.direction = dir;
    c.idleNotified = false;
    scheduleStep(c, now + building.startDelayS(), EventQueue.Kind.START);
    notices.add(new Notice(c.index(), null, false));
  }

  private void start(Car c) {
    int target = routing.nextTarget(c, c.floor, c.direction, g -> true);
    if (target < 0) { // its requests went elsewhere during the start delay
      c.state = CarState.IDLE;
      decideNext(c);
      return;
    }
    c.trip = new Trip(c.floor, target, now, c.direction);
    c.state = CarState.MOVING;
    scheduleStep(c, c.trip.arrivalAt(kinematics), EventQueue.Kind.ARRIVE);
    notices.add(new Notice(c.index(), null, false));
  }

  /** After the assignment or a park floor changed: idle cars start, moving cars retarget. */
  private void replan(Car c) {
    if (c.state == CarState.IDLE) {
      decideNext(c);
    } else if (c.state == CarState.MOVING) {
      Trip t = c.trip;
      int target = routing.nextTarget(c, t.origin(), t.direction(), g -> t.canStopAt(kinematics, g, now));
      if (target < 0) {
        if (t.braking(kinematics, now)) return;
        target = t.firstStoppable(kinematics, now); // nothing ahead any more: stop as soon as it can
      }
      if (target != t.target()) {
        c.trip = t.retarget(target);
        scheduleStep(c, c.trip.arrivalAt(kinematics), EventQueue.Kind.ARRIVE);
      }
    }
  }

  private void scheduleStep(Car c, double at, EventQueue.Kind kind) {
    c.token++;
    c.stepEndAt = at;
    queue.schedule(at, kind, c.index(), c.token, null);
  }

  // ---- the dispatcher

  private void drainNotices() {
    int guard = 0;
    while (!notices.isEmpty()) {
      if (++guard > 100_000) throw new IllegalStateException("dispatcher and cars do not settle at t=" + now);
      Notice n = notices.poll();
      if (n.call() != null) {
        if (calls.registered(n.call().floor(), n.call().direction())) apply(timed(() -> dispatcher.hallCallRegistered(n.call(), this)));
      } else if (n.idle()) {
        if (cars[n.car()].state == CarState.IDLE) apply(timed(() -> dispatcher.carIdle(n.car(), this)));
      } else {
        apply(timed(() -> dispatcher.carChanged(n.car(), this)));
      }
    }
  }

  private List<Decision> timed(Supplier<List<Decision>> call) {
    return decisionTimes.time(call);
  }

  private void apply(List<Decision> decisions) {
    boolean changed = false;
    for (Decision d : decisions) {
      if (d instanceof Decision.Assign a) {
        checkCar(a.car());
        if (calls.assign(a.call(), a.car())) {
          cars[a.car()].parkFloor = -1;
          changed = true;
        }
      } else if (d instanceof Decision.Park p) {
        checkCar(p.car());
        if (p.floor() < 0 || p.floor() >= building.floors()) throw new IllegalArgumentException("park floor " + p.floor());
        Car c = cars[p.car()];
        if (c.parkFloor != p.floor() && !(c.state == CarState.IDLE && c.floor == p.floor())) {
          c.parkFloor = p.floor();
          changed = true;
        }
      } else if (d instanceof Decision.Hold h) {
        checkCar(h.car());
        Car c = cars[h.car()];
        c.holdUntil = h.untilS();
        if (c.state == CarState.OPEN && !c.transferring) transfer(c);
      }
    }
    if (changed) for (Car c : cars) replan(c);
  }

  private void checkCar(int car) {
    if (car < 0 || car >= cars.length) throw new IllegalArgumentException("no car " + car + " in " + building.name());
  }
}
