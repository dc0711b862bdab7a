package org.paternoster.elevator.sim;

import java.util.Random;
import org.paternoster.assign.MotorDirection;

/**
 * Where the car is in the shaft, moved by elapsed motor time: the official simulator's physics.
 * On a floor the car stays on the sensor for {@code passFloorMs} of motor time in one direction,
 * then travels {@code betweenFloorsMs} to the next floor; reversing between floors retraces the
 * distance covered. Driving past floor 0 or the top floor is clamped: the car stays on the sensor.
 * Pure; not thread-safe.
 */
final class Shaft {
  private final SimulatorConfig config;
  private int floor;
  private boolean between;
  private long progressMs;
  private MotorDirection leaving = MotorDirection.STOP;

  Shaft(SimulatorConfig config) {
    this.config = config;
    Random random = new Random(config.seed());
    if (config.startFloor() != null) {
      floor = config.startFloor();
    } else if (random.nextInt(3) == 0) {
      between = true;
      floor = random.nextInt(config.floors() - 1);
      progressMs = 1 + random.nextInt((int) Math.max(1, config.betweenFloorsMs() - 1));
    } else {
      floor = random.nextInt(config.floors());
    }
  }

  /** The floor whose sensor is active, or -1 between floors. */
  int sensor() {
    return between ? -1 : floor;
  }

  /** Position in floors: 1.0 at floor 1's sensor, 1.5 halfway to floor 2. */
  double position() {
    return between ? floor + (double) progressMs / config.betweenFloorsMs() : floor;
  }

  /** Moves the car for {@code elapsedMs} of motor time in {@code direction}. */
  void move(MotorDirection direction, long elapsedMs) {
    if (direction == MotorDirection.STOP) {
      leaving = MotorDirection.STOP;
      return;
    }
    long remaining = elapsedMs;
    while (remaining > 0) {
      if (!between) {
        if (direction != leaving) {
          leaving = direction;
          progressMs = 0;
        }
        if (atEnd(direction)) return;
        long need = config.passFloorMs() - progressMs;
        if (remaining < need) {
          progressMs += remaining;
          return;
        }
        remaining -= need;
        between = true;
        if (direction == MotorDirection.UP) {
          progressMs = 0;
        } else {
          floor--;
          progressMs = config.betweenFloorsMs();
        }
      } else if (direction == MotorDirection.UP) {
        long need = config.betweenFloorsMs() - progressMs;
        if (remaining < need) {
          progressMs += remaining;
          return;
        }
        remaining -= need;
        arrive(floor + 1, direction);
      } else {
        if (remaining < progressMs) {
          progressMs -= remaining;
          return;
        }
        remaining -= progressMs;
        arrive(floor, direction);
      }
    }
  }

  private void arrive(int at, MotorDirection direction) {
    floor = at;
    between = false;
    progressMs = 0;
    leaving = direction;
  }

  private boolean atEnd(MotorDirection direction) {
    return (direction == MotorDirection.UP && floor == config.floors() - 1)
        || (direction == MotorDirection.DOWN && floor == 0);
  }
}
