package org.paternoster.elevator.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.paternoster.elevator.hardware.HardwareEvent.ButtonPressed;
import org.paternoster.elevator.hardware.HardwareEvent.FloorArrived;
import org.paternoster.elevator.hardware.HardwareEvent.FloorLeft;
import org.paternoster.elevator.hardware.HardwareEvent.Obstruction;
import org.paternoster.elevator.hardware.HardwareEvent.StopButton;

class EdgeDetectorTest {
  private final EdgeDetector edges = new EdgeDetector(4);

  @Test
  void theFirstSampleReportsTheWholeLevelState() {
    assertThat(edges.next(sample(1, false, true, Button.CAB, 2)))
        .containsExactly(new FloorArrived(1), new StopButton(false), new Obstruction(true),
            new ButtonPressed(Button.CAB, 2));
  }

  @Test
  void aCarFirstSeenBetweenFloorsHasLeftAnUnknownFloor() {
    assertThat(edges.next(sample(-1, true, false, null, 0)))
        .containsExactly(new FloorLeft(FloorLeft.UNKNOWN), new StopButton(true), new Obstruction(false));
  }

  @Test
  void aHeldButtonIsOnePressUntilReleased() {
    edges.next(sample(0, false, false, null, 0));
    assertThat(edges.next(sample(0, false, false, Button.HALL_UP, 1))).containsExactly(new ButtonPressed(Button.HALL_UP, 1));
    assertThat(edges.next(sample(0, false, false, Button.HALL_UP, 1))).isEmpty();
    assertThat(edges.next(sample(0, false, false, null, 0))).isEmpty();
    assertThat(edges.next(sample(0, false, false, Button.HALL_UP, 1))).containsExactly(new ButtonPressed(Button.HALL_UP, 1));
  }

  @Test
  void floorChangesAndSwitchesAreEdges() {
    edges.next(sample(1, false, false, null, 0));
    assertThat(edges.next(sample(-1, false, false, null, 0))).containsExactly(new FloorLeft(1));
    assertThat(edges.next(sample(-1, false, false, null, 0))).isEmpty();
    assertThat(edges.next(sample(2, true, false, null, 0))).containsExactly(new FloorArrived(2), new StopButton(true));
    assertThat(edges.next(sample(3, true, true, null, 0)))
        .containsExactly(new FloorLeft(2), new FloorArrived(3), new Obstruction(true));
  }

  @Test
  void afterResetTheLevelStateIsReportedAgain() {
    edges.next(sample(2, false, false, Button.CAB, 0));
    edges.reset();
    assertThat(edges.next(sample(2, false, false, Button.CAB, 0)))
        .containsExactly(new FloorArrived(2), new StopButton(false), new Obstruction(false),
            new ButtonPressed(Button.CAB, 0));
  }

  private static Sample sample(int floor, boolean stop, boolean obstruction, Button pressed, int pressedFloor) {
    BitSet bits = new BitSet();
    if (pressed != null) bits.set(Sample.index(pressed, pressedFloor));
    return new Sample(bits, floor, stop, obstruction);
  }
}
