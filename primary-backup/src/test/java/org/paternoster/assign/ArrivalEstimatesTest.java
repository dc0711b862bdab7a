package org.paternoster.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.assign.Cars.down;
import static org.paternoster.assign.Cars.idle;
import static org.paternoster.assign.Cars.moving;
import static org.paternoster.assign.Cars.up;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.Building;

/** When the assigned car opens for each call, by the course's times (2.5 s a floor, 3 s a door). */
class ArrivalEstimatesTest {
  static final long FLOOR = TimeToIdleAssigner.DEFAULT_TRAVEL_MILLIS;
  static final long DOOR = TimeToIdleAssigner.DEFAULT_DOOR_MILLIS;
  final Building building = new Building(6);

  @Test
  void callsAlongTheWayAndTheOneWhereItTurns() {
    ElevatorState a = idle("a", 0, 6);
    ElevatorState b = moving("b", 4, MotorDirection.DOWN, 6);
    Assignment assignment = new Assignment(Map.of("a", Set.of(up(2), down(4), up(4)), "b", Set.of(down(1))));
    ArrivalEstimates e = ArrivalEstimates.of(building, assignment, List.of(a, b));
    assertThat(e.of(up(2))).contains(2 * FLOOR);
    assertThat(e.of(up(4))).contains(4 * FLOOR + DOOR);
    assertThat(e.of(down(4))).as("the door opens a second time when it turns").contains(4 * FLOOR + 2 * DOOR);
    assertThat(e.of(down(1))).as("a moving car is taken as half way to its next floor").contains(FLOOR / 2 + 2 * FLOOR);
    assertThat(e.of(down(5))).isEmpty();
  }

  @Test
  void aCarNotInTheReportsGivesNoEstimate() {
    Assignment assignment = new Assignment(Map.of("gone", Set.of(up(2))));
    assertThat(ArrivalEstimates.of(building, assignment, List.of(idle("a", 0, 6))).millis()).isEmpty();
  }
}
