package org.paternoster.elevator.hardware;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns successive {@link Sample}s into {@link HardwareEvent} edges. After {@link #reset()} (a new
 * connection) the next sample is compared with "nothing known", so it reports the full level state
 * as the {@link HardwareEvent} contract promises. Pure; not thread-safe.
 */
final class EdgeDetector {
  private final int floors;
  private Sample last;

  EdgeDetector(int floors) {
    this.floors = floors;
  }

  void reset() {
    last = null;
  }

  List<HardwareEvent> next(Sample sample) {
    List<HardwareEvent> events = new ArrayList<>();
    floorEdges(sample, events);
    if (last == null || last.stop() != sample.stop()) {
      events.add(new HardwareEvent.StopButton(sample.stop()));
    }
    if (last == null || last.obstruction() != sample.obstruction()) {
      events.add(new HardwareEvent.Obstruction(sample.obstruction()));
    }
    for (int floor = 0; floor < floors; floor++) {
      for (Button button : Button.values()) {
        boolean was = last != null && last.isPressed(button, floor);
        if (!was && sample.isPressed(button, floor)) {
          events.add(new HardwareEvent.ButtonPressed(button, floor));
        }
      }
    }
    last = sample;
    return events;
  }

  private void floorEdges(Sample sample, List<HardwareEvent> events) {
    if (last == null) {
      events.add(sample.floor() >= 0
          ? new HardwareEvent.FloorArrived(sample.floor())
          : new HardwareEvent.FloorLeft(HardwareEvent.FloorLeft.UNKNOWN));
      return;
    }
    if (last.floor() == sample.floor()) return;
    if (last.floor() >= 0) events.add(new HardwareEvent.FloorLeft(last.floor()));
    if (sample.floor() >= 0) events.add(new HardwareEvent.FloorArrived(sample.floor()));
  }
}
