package org.paternoster.elevator.sim;

/**
 * The simulated building and its physics. The defaults are the official simulator's: a car leaves
 * the floor sensor {@code passFloorMs} = 500 ms after the motor starts and reaches the next floor
 * {@code betweenFloorsMs} = 2000 ms later (2.5 s floor to floor); a button press lasts 200 ms.
 *
 * @param seed drives the random start position, so a run can be repeated
 * @param startFloor the car starts on this floor's sensor; null for a random start (which may be
 *     between floors)
 */
public record SimulatorConfig(
    int floors, long passFloorMs, long betweenFloorsMs, long pressMs, long seed, Integer startFloor) {

  public static final int MIN_FLOORS = 2;
  public static final int MAX_FLOORS = 9;

  public SimulatorConfig {
    if (floors < MIN_FLOORS || floors > MAX_FLOORS) {
      throw new IllegalArgumentException("floors must be " + MIN_FLOORS + ".." + MAX_FLOORS + ", got " + floors);
    }
    if (passFloorMs < 1 || betweenFloorsMs < 1 || pressMs < 1) {
      throw new IllegalArgumentException("times must be positive");
    }
    if (startFloor != null && (startFloor < 0 || startFloor >= floors)) {
      throw new IllegalArgumentException("start floor must be 0.." + (floors - 1));
    }
  }

  public static SimulatorConfig defaults(int floors, long seed) {
    return new SimulatorConfig(floors, 500, 2000, 200, seed, null);
  }

  public SimulatorConfig withTiming(long passFloorMs, long betweenFloorsMs) {
    return new SimulatorConfig(floors, passFloorMs, betweenFloorsMs, pressMs, seed, startFloor);
  }

  public SimulatorConfig withPressMs(long pressMs) {
    return new SimulatorConfig(floors, passFloorMs, betweenFloorsMs, pressMs, seed, startFloor);
  }

  public SimulatorConfig withStartFloor(Integer startFloor) {
    return new SimulatorConfig(floors, passFloorMs, betweenFloorsMs, pressMs, seed, startFloor);
  }

  public long floorTravelMs() {
    return passFloorMs + betweenFloorsMs;
  }
}
