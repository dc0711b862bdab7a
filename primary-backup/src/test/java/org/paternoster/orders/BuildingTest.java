package org.paternoster.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one rule for which buttons exist, used by the order API, the assigner and the elevator panel. */
class BuildingTest {
  final Building four = new Building(4);

  @Test
  void everyFloorHasACabButtonAndHallButtonsExceptUpAtTheTopAndDownAtTheBottom() {
    for (int floor = 0; floor < 4; floor++) {
      assertThat(Building.buttonExists(floor, 4, null)).isTrue();
      assertThat(Building.buttonExists(floor, 4, Direction.UP)).isEqualTo(floor < 3);
      assertThat(Building.buttonExists(floor, 4, Direction.DOWN)).isEqualTo(floor > 0);
    }
    assertThat(Building.buttonExists(4, 4, null)).isFalse();
    assertThat(Building.buttonExists(-1, 4, Direction.UP)).isFalse();
    assertThat(four.hasButton(new CabCall("e1", 3))).isTrue();
    assertThat(four.hasButton(new HallCall(3, Direction.UP))).isFalse();
  }

  @Test
  void aCallWithoutAButtonIsRefusedWithTheReason() {
    assertThat(four.check(new HallCall(1, Direction.UP))).isEqualTo(new HallCall(1, Direction.UP));
    assertThatThrownBy(() -> four.check(new HallCall(3, Direction.UP))).isInstanceOf(NoSuchButton.class).hasMessageContaining("top floor");
    assertThatThrownBy(() -> four.check(new HallCall(0, Direction.DOWN))).isInstanceOf(NoSuchButton.class).hasMessageContaining("floor 0");
    assertThatThrownBy(() -> four.check(new CabCall("e1", 4))).isInstanceOf(NoSuchButton.class).hasMessageContaining("0..3");
  }
}
