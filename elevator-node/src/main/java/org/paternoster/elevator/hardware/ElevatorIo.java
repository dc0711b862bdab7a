package org.paternoster.elevator.hardware;

import io.vertx.core.Context;
import org.paternoster.assign.MotorDirection;

/**
 * The elevator hardware as the controller sees it: edge events in, output commands out.
 * Implemented by {@link ElevatorDriver} over TCP and by test doubles.
 *
 * <p>Threading: an implementation lives on one Vert.x {@link #context()}. Events are delivered on
 * it; commands may be called from any thread and take effect on it, in call order when called
 * from that context. Commands never block and never throw for I/O reasons: while the hardware is
 * unreachable they are remembered and applied on reconnect.
 */
public interface ElevatorIo {
  int floors();

  Context context();

  /**
   * Replaces the receiver of {@link HardwareEvent}s. The next complete poll reports the whole
   * level state to it, as after {@link HardwareEvent.Connected}, so a late listener misses nothing.
   */
  void setListener(HardwareListener listener);

  /** Sent every time, even unchanged: re-commanding the motor is how a stalled motor is retried. */
  void setMotor(MotorDirection direction);

  /** Lamps and the indicator are sent only when they change. Invalid floors are logged and dropped. */
  void setButtonLamp(Button button, int floor, boolean on);

  void setFloorIndicator(int floor);

  void setDoorLamp(boolean on);

  void setStopLamp(boolean on);
}
