package org.paternoster.dispatch;

import java.util.BitSet;
import org.paternoster.assign.MotorDirection;

/**
 * One car's directional-collective route played forward with the building's own kinematics, door
 * cycle and transfer times, over a set of hall calls given to it: when it reaches each call, and
 * when its riders reach their floors. Load-aware when told the load: riders leave in equal shares
 * at the cab stops, each call brings its expected boarders, a car that would be full passes hall
 * calls by (they count as not served this round: {@link #UNSERVED}). Pure apart from its scratch
 * arrays (one instance per dispatcher, one thread).
 */
final class RouteModel {
  /** The arrival estimate of a call the route does not reach (it stays for a later trip): a fixed penalty beyond the route's end. */
  static final double UNSERVED = -1;

  private final Building b;
  private final Kinematics k;
  private final int floors;
  /** The stops still ahead while a route is played: riders' floors and the hall calls not yet reached. */
  private final BitSet cab;
  private final BitSet up;
  private final BitSet down;
  /**
   * Output: seconds from now until the car opens for (f, up) / (f, down) of a call given to the
   * last {@link #play}; {@link #UNSERVED} if not reached. Floors not given hold stale values.
   */
  final double[] etaUp;
  final double[] etaDown;
  /** Output: the time the route ends, and Σ riders × seconds until they alight. */
  double endS;
  double riderSeconds;

  RouteModel(Building b, Kinematics k) {
    this.b = b;
    this.k = k;
    this.floors = b.floors();
    cab = new BitSet(floors);
    up = new BitSet(floors);
    down = new BitSet(floors);
    etaUp = new double[floors];
    etaDown = new double[floors];
  }

  /**
   * Plays {@code car}'s route over its riders' destinations and the calls marked in {@code callsUp}
   * / {@code callsDown} (not modified), each bringing {@code boardUp[f]} / {@code boardDown[f]}
   * expected boarders. {@code load} is the car's load, or -1 when unknown (then nobody is ever
   * turned away and dwell times count one transfer a stop).
   */
  void play(CarView car, double now, BitSet callsUp, BitSet callsDown, double[] boardUp, double[] boardDown, int load) {
    boardUpRef = boardUp;
    boardDownRef = boardDown;
    cab.clear();
    car.addCabStops(cab, floors);
    int cabStops = cab.cardinality();
    up.clear();
    up.or(callsUp);
    down.clear();
    down.or(callsDown);
    // only the given calls' estimates are written and read
    for (int f = up.nextSetBit(0); f >= 0; f = up.nextSetBit(f + 1)) etaUp[f] = UNSERVED;
    for (int f = down.nextSetBit(0); f >= 0; f = down.nextSetBit(f + 1)) etaDown[f] = UNSERVED;
    boolean loadKnown = load >= 0;
    double l = loadKnown ? load : 0;
    double perStop = cabStops == 0 ? 0 : l / cabStops;
    double cap = car.capacity();
    riderSeconds = 0;
    MotorDirection dir = car.direction();
    int pos;
    double t;
    boolean stopFirst; // whether the car still has to stop at pos before anything else
    if (car.state() == CarState.MOVING) {
      Trip trip = car.trip();
      pos = car.firstStoppable(now);
      t = Math.max(0, trip.startAt() + k.floorsTime(pos - trip.origin()) - now);
      stopFirst = true;
    } else {
      pos = car.floor();
      t = Math.max(0, car.readyAt(now) - now);
      stopFirst = false;
      if (car.state().doorsBusy() && dir != MotorDirection.STOP) {
        // doors busy serving dir here: a call lit beside them in dir found no room; it waits for a later visit
        (dir == MotorDirection.UP ? up : down).clear(pos);
        cab.clear(pos);
      } else if (car.state() == CarState.IDLE || car.state() == CarState.STARTING) {
        // at rest, doors closed: a call here is served at once (the doors open)
        double open = car.state() == CarState.IDLE ? 0 : t;
        if (up.get(pos) && (dir != MotorDirection.DOWN)) {
          etaUp[pos] = open;
          up.clear(pos);
          t = open + stopTime(0, loadKnown ? boardUp[pos] : 1);
          l += boardUp[pos];
          if (dir == MotorDirection.STOP) dir = MotorDirection.UP;
        } else if (down.get(pos) && dir != MotorDirection.UP) {
          etaDown[pos] = open;
          down.clear(pos);
          t = open + stopTime(0, loadKnown ? boardDown[pos] : 1);
          l += boardDown[pos];
          if (dir == MotorDirection.STOP) dir = MotorDirection.DOWN;
        }
      }
      if (dir == MotorDirection.STOP) dir = towardNearest(pos, l, cap, loadKnown);
    }
    for (int step = 0; step < 4 * floors + 8 && dir != MotorDirection.STOP; step++) {
      if (stopFirst) {
        stopFirst = false;
        boolean any = cab.get(pos) || request(pos, dir, l, cap, loadKnown);
        boolean turn = !anyBeyond(pos, dir, l, cap, loadKnown);
        if (any || turn) {
          t = stopAt(pos, dir, turn, t, l, perStop, cap, loadKnown);
          l = loadAfterStop;
          if (turn) {
            dir = dir.opposite();
            if (!anyBeyond(pos, dir, l, cap, loadKnown)) break;
          }
          continue;
        }
      }
      if (!anyBeyond(pos, dir, l, cap, loadKnown)) {
        dir = dir.opposite();
        if (!anyBeyond(pos, dir, l, cap, loadKnown)) break;
        // turning where it stands: a call here the new way is served by reopening
        BitSet along = dir == MotorDirection.UP ? up : down;
        if (along.get(pos) && hallOk(l, cap, loadKnown)) {
          t = stopAt(pos, dir, false, t, l, perStop, cap, loadKnown);
          l = loadAfterStop;
        }
        continue;
      }
      int g = nextStop(pos, dir, l, cap, loadKnown);
      t += k.floorsTime(g - pos);
      pos = g;
      boolean turn = !anyBeyond(pos, dir, l, cap, loadKnown);
      t = stopAt(pos, dir, turn, t, l, perStop, cap, loadKnown);
      l = loadAfterStop;
      if (turn) dir = dir.opposite();
    }
    endS = t;
  }

  /** The load after the last {@link #stopAt} (its second result; no array allocated per stop). */
  private double loadAfterStop;

  /**
   * A stop at {@code g} going {@code dir} (and, at a turn, the other way too): returns the time
   * after it; the load after it is left in {@link #loadAfterStop}.
   */

  private double stopAt(int g, MotorDirection dir, boolean turn, double t, double l, double perStop, double cap, boolean loadKnown) {
    double alight = 0;
    if (cab.get(g)) {
      alight = loadKnown ? perStop : 1;
      riderSeconds += (loadKnown ? perStop : 1) * t;
      l = Math.max(0, l - perStop);
      cab.clear(g);
    }
    double board = 0;
    // The hall call along the direction, and the one against it when the car turns here.
    for (int k = 0; k < (turn ? 2 : 1); k++) {
      MotorDirection d = k == 0 ? dir : dir.opposite();
      BitSet halls = d == MotorDirection.UP ? up : down;
      double[] eta = d == MotorDirection.UP ? etaUp : etaDown;
      if (halls.get(g) && hallOk(l, cap, loadKnown)) {
        eta[g] = t;
        halls.clear(g);
        double n = expected(d, g);
        board += n;
        l = Math.min(cap, l + n);
      }
    }
    loadAfterStop = l;
    return t + stopTime(alight, loadKnown ? board : Math.min(board, 1));
  }

  private double[] boardUpRef;
  private double[] boardDownRef;

  private double expected(MotorDirection dir, int g) {
    double[] a = dir == MotorDirection.UP ? boardUpRef : boardDownRef;
    return a[g];
  }

  /** Seconds a stop costs from arrival to moving again: doors, transfers (at least the minimum dwell), start delay. */
  double stopTime(double alight, double board) {
    return b.doorOpenS() + Math.max(b.minDwellS(), b.transferS() * (alight + board)) + b.doorCloseS() + b.startDelayS();
  }

  private static boolean hallOk(double l, double cap, boolean loadKnown) {
    return !loadKnown || l < cap - 0.5;
  }

  private boolean request(int g, MotorDirection dir, double l, double cap, boolean loadKnown) {
    if (cab.get(g)) return true;
    if (!hallOk(l, cap, loadKnown)) return false;
    return dir == MotorDirection.DOWN ? down.get(g) : up.get(g);
  }

  // The stops are bit sets, so "the next stop beyond" is a word scan, not a floor-by-floor walk:
  // a route is played thousands of times a second in a big group (docs/DISPATCH.md, "Scale").

  /** Whether any stop the car would make (riders' floors; hall calls while it has room) lies beyond {@code pos} in {@code dir}. */
  private boolean anyBeyond(int pos, MotorDirection dir, double l, double cap, boolean loadKnown) {
    boolean hall = hallOk(l, cap, loadKnown);
    int g = nearest(cab, pos, dir);
    if (hall) g = nearer(g, nearer(nearest(up, pos, dir), nearest(down, pos, dir), pos), pos);
    return g >= 0;
  }

  /**
   * The next floor beyond {@code pos} in {@code dir} where the car stops: the nearest rider's floor
   * or hall call along {@code dir}; failing those, the farthest hall call against it (where it will
   * turn); -1 when there is none.
   */
  private int nextStop(int pos, MotorDirection dir, double l, double cap, boolean loadKnown) {
    boolean hall = hallOk(l, cap, loadKnown);
    BitSet along = dir == MotorDirection.DOWN ? down : up;
    int g = nearest(cab, pos, dir);
    if (hall) g = nearer(g, nearest(along, pos, dir), pos);
    if (g >= 0 || !hall) return g;
    int far = dir == MotorDirection.UP ? Math.max(up.previousSetBit(floors - 1), down.previousSetBit(floors - 1))
        : lowest(up.nextSetBit(0), down.nextSetBit(0));
    return far >= 0 && (dir == MotorDirection.UP ? far > pos : far < pos) ? far : -1;
  }

  /** The way to the nearest stop from rest at {@code pos} (up on a tie), or STOP when there is none. */
  private MotorDirection towardNearest(int pos, double l, double cap, boolean loadKnown) {
    boolean hall = hallOk(l, cap, loadKnown);
    int above = nearest(cab, pos, MotorDirection.UP);
    int below = nearest(cab, pos, MotorDirection.DOWN);
    if (hall) {
      above = nearer(above, nearer(nearest(up, pos, MotorDirection.UP), nearest(down, pos, MotorDirection.UP), pos), pos);
      below = nearer(below, nearer(nearest(up, pos, MotorDirection.DOWN), nearest(down, pos, MotorDirection.DOWN), pos), pos);
    }
    if (above < 0 && below < 0) return MotorDirection.STOP;
    if (below < 0) return MotorDirection.UP;
    if (above < 0) return MotorDirection.DOWN;
    return above - pos <= pos - below ? MotorDirection.UP : MotorDirection.DOWN;
  }

  /** The nearest floor in {@code set} strictly beyond {@code pos} in {@code dir}, or -1. */
  private static int nearest(BitSet set, int pos, MotorDirection dir) {
    return dir == MotorDirection.UP ? set.nextSetBit(pos + 1) : set.previousSetBit(pos - 1);
  }

  /** Of two floors on the same side of {@code pos} (either may be -1 for none), the one nearer to it. */
  private static int nearer(int a, int b, int pos) {
    if (a < 0) return b;
    if (b < 0) return a;
    return Math.abs(a - pos) <= Math.abs(b - pos) ? a : b;
  }

  private static int lowest(int a, int b) {
    if (a < 0) return b;
    if (b < 0) return a;
    return Math.min(a, b);
  }
}
