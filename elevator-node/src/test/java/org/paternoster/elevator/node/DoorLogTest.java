package org.paternoster.elevator.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.fsm.ElevatorState;

class DoorLogTest {
  final DoorLog log = new DoorLog(() -> 1_764_500_000_123L);

  static ElevatorState at(int floor, Behaviour b) {
    return new ElevatorState(floor, MotorDirection.STOP, b, false, false, null);
  }

  @Test
  void countsEachOpeningOnceAndKeepsTheLastFew() {
    log.onState(at(0, Behaviour.IDLE));
    log.onState(at(0, Behaviour.DOOR_OPEN));
    log.onState(at(0, Behaviour.DOOR_OPEN)); // obstruction, a state report: the same opening
    log.onState(at(0, Behaviour.MOVING));
    log.onState(at(2, Behaviour.DOOR_OPEN));
    assertThat(log.json()).containsExactly(new JsonObject().put("n", 1L).put("floor", 0), new JsonObject().put("n", 2L).put("floor", 2));
    for (int i = 0; i < 40; i++) {
      log.onState(at(i % 4, Behaviour.MOVING));
      log.onState(at(i % 4, Behaviour.DOOR_OPEN));
    }
    assertThat(log.json()).hasSize(DoorLog.KEEP);
    assertThat(log.json().getJsonObject(DoorLog.KEEP - 1).getLong("n")).isEqualTo(42L);
  }

  @Test
  void aDoorOpenAtAnUnknownFloorDoesNotBreakIt() {
    log.onState(new ElevatorState(null, MotorDirection.STOP, Behaviour.DOOR_OPEN, false, false, null));
    assertThat(log.json()).hasSize(1);
  }

  @Test
  void aLoggedOpeningReadsBackFromPlainAndJsonLogLines() {
    DoorLog.Opening o = new DoorLog.Opening(3, 41, 1_764_500_000_123L);
    String plain = "10:42:39.372 INFO  [vert.x-eventloop-thread-0] o.p.elevator.doors - " + DoorLog.line(o);
    String json = "{\"level\":\"INFO\",\"message\":\"" + DoorLog.line(o) + "\"}";
    assertThat(DoorLog.parse(plain)).contains(o);
    assertThat(DoorLog.parse(json)).contains(o);
    assertThat(DoorLog.parse(DoorLog.line(new DoorLog.Opening(null, 1, 5)))).contains(new DoorLog.Opening(null, 1, 5));
    assertThat(DoorLog.parse("10:42:39.372 INFO  hardware connected")).isEmpty();
  }
}
