package org.paternoster.dispatch;

import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/**
 * Traffic demand learned online (docs/DISPATCH.md, "Paternoster's dispatcher"): exponentially
 * weighted counts, time constant {@link #TAU_S}, of hall calls per floor and direction (the
 * lobby's up call excepted) and of people boarding up at the lobby. Nothing is read of the
 * future. Every read and write first decays the counts to the time given. Pure; one thread.
 */
final class Demand {
  static final double TAU_S = 300;
  /** The decayed count of hall calls below which no traffic is inferred: one call, about 7 minutes ago (e^-ln4). */
  static final double HALL_CALLS_SEEN = 0.25;

  private final int floors;
  private final double[][] calls; // [floor][0 up, 1 down]
  private double lobbyBoardings;
  private double hallCalls; // every hall call, the lobby's up call too
  private double at;

  Demand(int floors) {
    this.floors = floors;
    this.calls = new double[floors][2];
  }

  int floors() {
    return floors;
  }

  /** Decays the counts to {@code now} (never backwards). */
  void decayTo(double now) {
    if (now <= at) return;
    double f = StrictMath.exp(-(now - at) / TAU_S);
    for (double[] fc : calls) {
      fc[0] *= f;
      fc[1] *= f;
    }
    lobbyBoardings *= f;
    hallCalls *= f;
    at = now;
  }

  /** A hall call was registered (the lobby's up call counts through its boarders instead). */
  void called(HallCall call) {
    hallCalls += 1;
    if (!(call.floor() == 0 && call.direction() == Direction.UP)) calls[call.floor()][Directions.index(call.direction())] += 1;
  }

  /** People boarded up at the lobby: the car's load, or with the load unknown, an estimate from its cab stops. */
  void boardedAtLobby(CarView car, boolean useLoad) {
    lobbyBoardings += useLoad ? car.load() : fromCabStops(car);
  }

  /** Calls (or, for the lobby's up call, boarders) per second at {@code call}'s button. */
  double rate(HallCall call) {
    return call.floor() == 0 && call.direction() == Direction.UP ? lobbyBoardings / TAU_S
        : calls[call.floor()][Directions.index(call.direction())] / TAU_S;
  }

  /** The weight of floor {@code f} when covering demand by parking: its hall calls, and at the lobby its boarders. */
  double weight(int f) {
    return calls[f][0] + calls[f][1] + (f == 0 ? lobbyBoardings : 0);
  }

  /**
   * The lobby's share of observed demand (people boarding up at the lobby vs. hall calls
   * elsewhere); 0 while no hall button has been pressed for a while ({@link #HALL_CALLS_SEEN}):
   * cars that only ever carry passengers who were already on board (a test rig pressing cab
   * buttons) show no traffic at any landing, whatever their cab stops say.
   */
  double lobbyShare() {
    if (hallCalls < HALL_CALLS_SEEN) return 0;
    double other = 0;
    for (int f = 0; f < floors; f++) other += calls[f][0] + calls[f][1];
    double total = lobbyBoardings + other;
    return total < 3 ? 0 : lobbyBoardings / total;
  }

  /** People boarding at the lobby, from the distinct cab stops S of N floors: P = ln(1 − S/N) / ln(1 − 1/N). */
  private double fromCabStops(CarView car) {
    int s = 0;
    for (int f = 1; f < floors; f++) if (car.cabStop(f)) s++;
    int n = floors - 1;
    if (s == 0) return 0;
    if (s >= n) return car.capacity();
    return Math.min(car.capacity(), StrictMath.log(1.0 - (double) s / n) / StrictMath.log(1.0 - 1.0 / n));
  }
}
