package org.paternoster.elevator.hardware;

/** Receives {@link HardwareEvent}s on the {@link ElevatorIo}'s context; must not block. */
@FunctionalInterface
public interface HardwareListener {
  void onEvent(HardwareEvent event);
}
