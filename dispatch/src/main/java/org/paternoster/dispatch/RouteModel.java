package org.paternoster.dispatch;

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
  private final boolean[] cab;
  private final boolean[] up;
  private final boolean[] down;
  /** Output: seconds from now until the car opens for (f, up) / (f, down); {@link #UNSERVED} if not reached. */
  final double[] etaUp;
  final double[] etaDown;
  /** Output: the time the route ends, and Σ riders × seconds until they alight. */
  double endS;
  double riderSeconds;

  RouteModel(Building b, Kinematics k) {
    this.b = b;
    this.k = k;
    this.floors = b.floors();
    cab = new boolean[floors];
    up = new boolean[floors];
    down = new boolean[floors];
    etaUp = new double[floors];
    etaDown = new double[floors];
  }

  /**
   * Plays {@code car}'s route over its riders' destinations and the calls marked in {@code callsUp}
   * / {@code callsDown} (not modified), each bringing {@code boardUp[f]} / {@code boardDown[f]}
   * expected boarders. {@code load} is the car's load, or -1 when unknown (then nobody is ever
   * turned away and dwell times count one transfer a stop).
   */
  void play(CarView car, double now, boolean[] callsUp, boolean[] callsDown, double[] boardUp, double[] boardDown, int load) {
    boardUpRef = boardUp;
    boardDownRef = boardDown;
    int cabStops = 0;
    for (int f = 0; f < floors; f++) {
      cab[f] = car.cabStop(f);
      if (cab[f]) cabStops++;
      up[f] = callsUp[f];
      down[f] = callsDown[f];
      etaUp[f] = UNSERVED;
      etaDown[f] = UNSERVED;
    }
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
        boolean[] along = dir == MotorDirection.UP ? up : down;
        along[pos] = false;
        cab[pos] = false;
      } else if (car.state() == CarState.IDLE || car.state() == CarState.STARTING) {
        // at rest, doors closed: a call here is served at once (the doors open)
        double open = car.state() == CarState.IDLE ? 0 : t;
        if (up[pos] && (dir != MotorDirection.DOWN)) {
          etaUp[pos] = open;
          up[pos] = false;
          t = open + stopTime(0, loadKnown ? boardUp[pos] : 1);
          l += boardUp[pos];
          if (dir == MotorDirection.STOP) dir = MotorDirection.UP;
        } else if (down[pos] && dir != MotorDirection.UP) {
          etaDown[pos] = open;
          down[pos] = false;
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
        boolean any = cab[pos] || request(pos, dir, l, cap, loadKnown);
        boolean turn = !anyBeyond(pos, dir, l, cap, loadKnown);
        if (any || turn) {
          double[] r = stopAt(pos, dir, turn, t, l, perStop, cap, loadKnown);
          l = r[1];
          t = r[0];
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
        boolean[] along = dir == MotorDirection.UP ? up : down;
        if (along[pos] && hallOk(l, cap, loadKnown)) {
          double[] r = stopAt(pos, dir, false, t, l, perStop, cap, loadKnown);
          t = r[0];
          l = r[1];
        }
        continue;
      }
      int g = nextStop(pos, dir, l, cap, loadKnown);
      t += k.floorsTime(g - pos);
      pos = g;
      boolean turn = !anyBeyond(pos, dir, l, cap, loadKnown);
      double[] r = stopAt(pos, dir, turn, t, l, perStop, cap, loadKnown);
      t = r[0];
      l = r[1];
      if (turn) dir = dir.opposite();
    }
    endS = t;
  }

  /** A stop at {@code g} going {@code dir} (and, at a turn, the other way too): returns {time after it, load after it}. */
  private double[] stopAt(int g, MotorDirection dir, boolean turn, double t, double l, double perStop, double cap, boolean loadKnown) {
    double alight = 0;
    if (cab[g]) {
      alight = loadKnown ? perStop : 1;
      riderSeconds += (loadKnown ? perStop : 1) * t;
      l = Math.max(0, l - perStop);
      cab[g] = false;
    }
    double board = 0;
    // The hall call along the direction, and the one against it when the car turns here.
    for (int k = 0; k < (turn ? 2 : 1); k++) {
      MotorDirection d = k == 0 ? dir : dir.opposite();
      boolean[] halls = d == MotorDirection.UP ? up : down;
      double[] eta = d == MotorDirection.UP ? etaUp : etaDown;
      if (halls[g] && hallOk(l, cap, loadKnown)) {
        eta[g] = t;
        halls[g] = false;
        double n = expected(d, g);
        board += n;
        l = Math.min(cap, l + n);
      }
    }
    return new double[] {t + stopTime(alight, loadKnown ? board : Math.min(board, 1)), l};
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
    if (cab[g]) return true;
    if (!hallOk(l, cap, loadKnown)) return false;
    return dir == MotorDirection.DOWN ? down[g] : up[g];
  }

  private boolean anyBeyond(int pos, MotorDirection dir, double l, double cap, boolean loadKnown) {
    boolean hall = hallOk(l, cap, loadKnown);
    for (int g = pos + dir.step(); g >= 0 && g < floors; g += dir.step()) {
      if (cab[g] || (hall && (up[g] || down[g]))) return true;
    }
    return false;
  }

  private int nextStop(int pos, MotorDirection dir, double l, double cap, boolean loadKnown) {
    boolean hall = hallOk(l, cap, loadKnown);
    boolean[] along = dir == MotorDirection.DOWN ? down : up;
    int far = -1;
    for (int g = pos + dir.step(); g >= 0 && g < floors; g += dir.step()) {
      if (cab[g] || (hall && along[g])) return g;
      if (hall && (up[g] || down[g])) far = g;
    }
    return far;
  }

  private MotorDirection towardNearest(int pos, double l, double cap, boolean loadKnown) {
    boolean hall = hallOk(l, cap, loadKnown);
    for (int d = 1; d < floors; d++) {
      int a = pos + d, c = pos - d;
      if (a < floors && (cab[a] || (hall && (up[a] || down[a])))) return MotorDirection.UP;
      if (c >= 0 && (cab[c] || (hall && (up[c] || down[c])))) return MotorDirection.DOWN;
    }
    return MotorDirection.STOP;
  }
}
