package org.paternoster.elevator.hardware;

/**
 * What the hardware reported, as edges. After {@link Connected}, the first poll reports the whole
 * level state once: exactly one floor event ({@link FloorArrived} or {@link FloorLeft} with
 * {@link FloorLeft#UNKNOWN}), one {@link StopButton}, one {@link Obstruction}, and a
 * {@link ButtonPressed} for every button held at that moment. From then on only changes are reported.
 */
public sealed interface HardwareEvent {

  /** The server answered a complete poll on a new connection. */
  record Connected() implements HardwareEvent {}

  /** A connection that had been {@link Connected} was lost; outputs will be re-sent on reconnect. */
  record Disconnected() implements HardwareEvent {}

  /** A button went from released to pressed. */
  record ButtonPressed(Button button, int floor) implements HardwareEvent {}

  /** The floor sensor now reads {@code floor}. */
  record FloorArrived(int floor) implements HardwareEvent {}

  /**
   * The floor sensor now reads "between floors"; {@code floor} is the floor just left, or
   * {@link #UNKNOWN} when the car was first seen between floors.
   */
  record FloorLeft(int floor) implements HardwareEvent {
    public static final int UNKNOWN = -1;
  }

  record StopButton(boolean pressed) implements HardwareEvent {}

  record Obstruction(boolean active) implements HardwareEvent {}
}
