package org.paternoster.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.paternoster.assign.MotorDirection;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/**
 * Paternoster's own group dispatcher (docs/DISPATCH.md, "Paternoster's dispatcher").
 *
 * <p><b>Assignment.</b> Every second all lit calls are given out again, oldest first; each goes to
 * the car with the least <i>marginal cost</i>: the cost of the car's whole route with the call minus
 * without it, where a route's cost is Σ over its calls of w(waited so far + estimated arrival) plus
 * a weight × Σ riders × seconds until they alight. w(x) = x + α·x²/60 (α = 0: least total waiting;
 * α > 0 also punishes long waits). Routes are played by {@link RouteModel}: the simulator's own
 * kinematics and door cycle, dwell from expected transfers, and — when the load is known — a car
 * that would be full passes calls by. The car a call has keeps it unless another is better by
 * {@link Params#hysteresisS} (no flip-flop). A new call is placed at once against the current
 * assignment.
 *
 * <p><b>Demand, learned online.</b> Exponentially weighted rates (time constant 300 s) of hall
 * calls per floor and direction and of people boarding up at the lobby (the load when the doors
 * close there, or with the load unknown, estimated from the number of distinct cab stops). Nothing
 * is read of the trace's future, nor any destination before it is pressed in the car.
 *
 * <p><b>Parking and the lobby.</b> The lobby share of demand decides how many idle cars wait at
 * the lobby (all of them in up-peak); the other idle cars stay where they are (or, with {@link
 * Params#zoning}, park where they best cover the observed hall-call demand given where the other
 * idle cars are: a greedy p-median; off by default, it did not help). When the lobby's share is at
 * least {@link Params#holdShare} (up-peak and lunch), a car loading up at the lobby keeps its doors
 * open until another car is (nearly) there, it is full, or {@link Params#maxHoldS} passed.
 *
 * <p>Load: {@code paternoster} reads the car load (the simulator knows it); {@code
 * paternoster-noload} never reads it, as on course hardware.
 */
public final class PaternosterDispatcher implements GroupDispatcher {
  public static final String NAME = "paternoster";
  public static final String NO_LOAD = "paternoster-noload";

  /**
   * Tuning knobs; the defaults are the values tuned on the shared seeds 1–5 (docs/DISPATCH.md) and
   * may be overridden for experiments with {@code -Dpat.<name>=value} (alpha, rider, hyst, penalty,
   * upshare, holdshare, maxhold, release, lobbyfactor, zoning).
   */
  public record Params(double alpha, double riderWeight, double hysteresisS, double unservedPenaltyS, double upPeakShare,
      double holdShare, double maxHoldS, double releaseS, double lobbyShareFactor, boolean zoning) {
    public static Params defaults() {
      return new Params(d("alpha", 0.5), d("rider", 0.15), d("hyst", 2.0), d("penalty", 60.0), d("upshare", 0.7),
          d("holdshare", 0.35), d("maxhold", 60.0), d("release", 4.0), d("lobbyfactor", 1.0), b("zoning", false));
    }

    private static double d(String k, double def) {
      String v = System.getProperty("pat." + k);
      return v == null ? def : Double.parseDouble(v);
    }

    private static boolean b(String k, boolean def) {
      String v = System.getProperty("pat." + k);
      return v == null ? def : Boolean.parseBoolean(v);
    }
  }

  private final boolean useLoad;
  private final Params p;
  private Building building;
  private RouteModel model;
  private int floors;
  private Demand demand;
  private Demand inherited; // from the dispatcher this one succeeded, until init
  // per car
  private double[] openedAt;
  private boolean[] doorsOpen; // as last told: a car whose report skips the opening and closing states (the course's) still counts
  private boolean[] held;
  // scratch
  /** Per car, the hall calls given to it in the decision being made (bits by floor). */
  private java.util.BitSet[] givenUp;
  private java.util.BitSet[] givenDown;
  private double[] withoutCost;
  private boolean[] withoutValid;
  private double[] boardUp;
  private double[] boardDown;
  private double[] registeredUp;
  private double[] registeredDown;

  public PaternosterDispatcher(boolean useLoad, Params params) {
    this.useLoad = useLoad;
    this.p = params;
  }

  public PaternosterDispatcher(boolean useLoad) {
    this(useLoad, Params.defaults());
  }

  @Override
  public String name() {
    return useLoad ? NAME : NO_LOAD;
  }

  private void init(GroupView g) {
    if (model != null) return;
    building = g.building();
    floors = building.floors();
    model = new RouteModel(building, g.kinematics());
    demand = inherited != null && inherited.floors() == floors ? inherited : new Demand(floors);
    inherited = null;
    int n = building.cars();
    openedAt = new double[n];
    doorsOpen = new boolean[n];
    held = new boolean[n];
    givenUp = new java.util.BitSet[n];
    givenDown = new java.util.BitSet[n];
    for (int c = 0; c < n; c++) {
      givenUp[c] = new java.util.BitSet(floors);
      givenDown[c] = new java.util.BitSet(floors);
    }
    withoutCost = new double[n];
    withoutValid = new boolean[n];
    boardUp = new double[floors];
    boardDown = new double[floors];
    registeredUp = new double[floors];
    registeredDown = new double[floors];
  }

  /** Keeps the traffic its predecessor learned (the cars changed, the building and its traffic did not). */
  @Override
  public void succeed(GroupDispatcher previous) {
    if (previous instanceof PaternosterDispatcher p) inherited = p.demand != null ? p.demand : p.inherited;
  }

  // ---- callbacks

  @Override
  public List<Decision> hallCallRegistered(HallCall call, GroupView g) {
    init(g);
    demand.decayTo(g.now());
    demand.called(call);
    prepare(g);
    clearGiven();
    Candidates candidates = Candidates.of(g, CANDIDATES);
    for (PendingCall pc : g.pendingCalls()) {
      if (pc.assignee() >= 0 && !pc.call().equals(call)) mark(pc.assignee(), pc.call(), true);
    }
    int car = best(g, candidates, call, -1);
    return List.of(new Decision.Assign(call, car));
  }

  @Override
  public List<Decision> tick(GroupView g) {
    init(g);
    demand.decayTo(g.now());
    prepare(g);
    clearGiven();
    Candidates candidates = Candidates.of(g, CANDIDATES);
    List<Decision> out = new ArrayList<>();
    for (PendingCall pc : g.pendingCalls()) {
      int car = best(g, candidates, pc.call(), pc.assignee());
      mark(car, pc.call(), true);
      if (car != pc.assignee()) out.add(new Decision.Assign(pc.call(), car));
    }
    holds(g, out);
    return out;
  }

  @Override
  public List<Decision> carChanged(int c, GroupView g) {
    init(g);
    CarView car = g.cars().get(c);
    CarState state = car.state();
    boolean open = state == CarState.OPENING || state == CarState.OPEN;
    if (state == CarState.OPENING || (open && !doorsOpen[c])) {
      doorsOpen[c] = true;
      openedAt[c] = g.now();
      held[c] = false;
    } else if (state == CarState.CLOSING || (!open && doorsOpen[c])) {
      // The simulator says CLOSING; a course car's report goes from door open straight to moving or idle.
      doorsOpen[c] = false;
      held[c] = false;
      if (car.floor() == 0 && car.direction() == MotorDirection.UP) {
        demand.decayTo(g.now());
        demand.boardedAtLobby(car, useLoad);
      }
    }
    List<Decision> out = new ArrayList<>();
    holds(g, out);
    return out;
  }

  @Override
  public List<Decision> carIdle(int c, GroupView g) {
    init(g);
    demand.decayTo(g.now());
    CarView car = g.cars().get(c);
    int target = parkFloor(c, g);
    if (target < 0 || target == car.floor()) return List.of();
    return List.of(new Decision.Park(c, target));
  }

  /** The lobby's share of observed demand ({@link Demand#lobbyShare}). */
  double lobbyShare() {
    return demand.lobbyShare();
  }

  private boolean upPeak() {
    return lobbyShare() >= p.upPeakShare();
  }

  /** Expected boarders per lit call: one, plus the rate at its floor times how long it has been lit. */
  private void prepare(GroupView g) {
    double now = g.now();
    for (int f = 0; f < floors; f++) {
      boardUp[f] = 1;
      boardDown[f] = 1;
      registeredUp[f] = now;
      registeredDown[f] = now;
    }
    for (PendingCall pc : g.pendingCalls()) {
      int f = pc.call().floor();
      double lit = now - pc.registeredAt();
      double rate = demand.rate(pc.call());
      double n = Math.min(building.capacity(), 1 + rate * lit);
      if (pc.call().direction() == Direction.UP) {
        boardUp[f] = n;
        registeredUp[f] = pc.registeredAt();
      } else {
        boardDown[f] = n;
        registeredDown[f] = pc.registeredAt();
      }
    }
  }

  // ---- assignment

  private void clearGiven() {
    for (int c = 0; c < givenUp.length; c++) {
      givenUp[c].clear();
      givenDown[c].clear();
    }
    java.util.Arrays.fill(withoutValid, false);
  }

  /** Tries {@code call} on {@code car} and takes it back: the route without it is unchanged. */
  private void probe(int car, HallCall call, boolean on) {
    (call.direction() == Direction.UP ? givenUp : givenDown)[car].set(call.floor(), on);
  }

  /** Gives {@code call} to {@code car} for the rest of this decision (its cached cost is then stale). */
  private void mark(int car, HallCall call, boolean on) {
    (call.direction() == Direction.UP ? givenUp : givenDown)[car].set(call.floor(), on);
    withoutValid[car] = false;
  }

  /** At most this many cars are weighed for one call (all of them in a group this size or smaller). */
  static final int CANDIDATES = 8;

  /**
   * The car with the least marginal cost for {@code call}; {@code current} (or -1) keeps it unless
   * beaten by the hysteresis. In a group of more than {@link #CANDIDATES} cars only that many are
   * weighed ({@link Candidates}): a large group's assignment stays within a live controller's time budget.
   */
  private int best(GroupView g, Candidates candidates, HallCall call, int current) {
    int best = -1;
    double bestCost = Double.POSITIVE_INFINITY;
    double currentCost = Double.POSITIVE_INFINITY;
    for (CarView car : candidates.soonest(call, current)) {
      int c = car.index();
      double without = costWithout(car, g.now());
      probe(c, call, true);
      double with = routeCost(car, g.now());
      probe(c, call, false);
      double marginal = with - without;
      if (c == current) currentCost = marginal;
      if (marginal < bestCost) {
        bestCost = marginal;
        best = c;
      }
    }
    if (current >= 0 && currentCost <= bestCost + p.hysteresisS()) return current;
    return best;
  }

  /** {@link #routeCost} of the car's route without the call being weighed: cached until the car is given a call. */
  private double costWithout(CarView car, double now) {
    int c = car.index();
    if (!withoutValid[c]) {
      withoutCost[c] = routeCost(car, now);
      withoutValid[c] = true;
    }
    return withoutCost[c];
  }

  /** Cost of the car's route over the calls given to it now (in {@link #givenUp}/{@link #givenDown}). */
  double routeCost(CarView car, double now) {
    int c = car.index();
    model.play(car, now, givenUp[c], givenDown[c], boardUp, boardDown, useLoad ? car.load() : -1);
    double cost = p.riderWeight() * model.riderSeconds;
    // floor by floor, up before down: the same order of additions as ever, so the same sums
    java.util.BitSet ups = givenUp[c];
    java.util.BitSet downs = givenDown[c];
    for (int u = ups.nextSetBit(0), d = downs.nextSetBit(0); u >= 0 || d >= 0; ) {
      int f = u < 0 ? d : d < 0 ? u : Math.min(u, d);
      if (f == u) {
        cost += w(now - registeredUp[f] + eta(model.etaUp[f]));
        u = ups.nextSetBit(u + 1);
      }
      if (f == d) {
        cost += w(now - registeredDown[f] + eta(model.etaDown[f]));
        d = downs.nextSetBit(d + 1);
      }
    }
    return cost;
  }

  private double eta(double e) {
    return e == RouteModel.UNSERVED ? model.endS + p.unservedPenaltyS() : e;
  }

  private double w(double x) {
    return x + p.alpha() * x * x / 60;
  }

  // ---- the lobby and parking

  /**
   * In up-peak, keep a car loading at the lobby open until another car is (nearly) there. A car
   * alone in its group is never held: no other car will come, so holding only delays its riders.
   */
  private void holds(GroupView g, List<Decision> out) {
    double now = g.now();
    boolean hold = g.cars().size() > 1 && lobbyShare() >= p.holdShare();
    for (CarView car : g.cars()) {
      int c = car.index();
      boolean loading = car.floor() == 0 && (car.state() == CarState.OPEN || car.state() == CarState.OPENING)
          && car.direction() != MotorDirection.DOWN;
      if (!loading) continue;
      boolean keep = hold && now - openedAt[c] < p.maxHoldS() && !(useLoad && car.full()) && !anotherAtLobby(g, c, now);
      if (keep) {
        out.add(new Decision.Hold(c, now + 1.5));
        held[c] = true;
      } else if (held[c]) {
        out.add(new Decision.Hold(c, now));
        held[c] = false;
      }
    }
  }

  private boolean anotherAtLobby(GroupView g, int c, double now) {
    for (CarView o : g.cars()) {
      if (o.index() == c) continue;
      if (o.floor() == 0 && (o.state() == CarState.IDLE || o.state() == CarState.OPENING || o.state() == CarState.OPEN)) return true;
      if (o.state() == CarState.MOVING && o.trip().target() == 0 && o.readyAt(now) - now <= p.releaseS()) return true;
    }
    return false;
  }

  /** Where idle car {@code c} should wait: the lobby while it has fewer cars than its share, else the best-covering floor. */
  private int parkFloor(int c, GroupView g) {
    int cars = g.cars().size();
    double share = lobbyShare();
    int lobbyTarget = upPeak() ? cars : (int) Math.round(share * cars * p.lobbyShareFactor());
    int atLobby = 0;
    for (CarView o : g.cars()) {
      if (o.index() == c) continue;
      if (o.parkFloor() == 0 || (o.floor() == 0 && o.state() != CarState.MOVING && o.direction() != MotorDirection.DOWN)) atLobby++;
    }
    if (atLobby < lobbyTarget) return 0;
    if (!p.zoning()) return -1;
    // greedy p-median over the other waiting cars
    double[] dist = new double[floors];
    java.util.Arrays.fill(dist, floors);
    for (CarView o : g.cars()) {
      if (o.index() == c) continue;
      int anchor = o.parkFloor() >= 0 ? o.parkFloor() : o.state() == CarState.IDLE ? o.floor() : -1;
      if (anchor < 0) continue;
      for (int f = 0; f < floors; f++) dist[f] = Math.min(dist[f], Math.abs(f - anchor));
    }
    double bestCover = Double.POSITIVE_INFINITY;
    int best = -1;
    int here = g.cars().get(c).floor();
    for (int cand = 0; cand < floors; cand++) {
      double cover = 0;
      for (int f = 0; f < floors; f++) {
        double wgt = demand.weight(f);
        cover += wgt * Math.min(dist[f], Math.abs(f - cand));
      }
      if (cover < bestCover - 1e-9 || (Math.abs(cover - bestCover) <= 1e-9 && Math.abs(cand - here) < Math.abs(best - here))) {
        bestCover = cover;
        best = cand;
      }
    }
    return best;
  }
}
