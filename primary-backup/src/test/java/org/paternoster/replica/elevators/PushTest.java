package org.paternoster.replica.elevators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paternoster.assign.Assignment;
import org.paternoster.http.BadRequest;
import org.paternoster.orders.CabCall;
import org.paternoster.assign.Standby;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;
import org.paternoster.orders.PendingCall;

/** The push: what the primary writes for each car, read back the same by the node; a malformed push is refused whole. */
class PushTest {
  static final HallCall DOWN2 = new HallCall(2, Direction.DOWN);
  static final HallCall UP0 = new HallCall(0, Direction.UP);
  static final Push PUSH = new Push(7, 12, "r2", "r1@1", 40,
      List.of(new Push.Hall(DOWN2, 31, "e1"), new Push.Hall(UP0, 35, null)), List.of(new Push.Cab(3, 38)), Standby.NONE);

  @Test
  void eachCarIsPushedEveryHallCallWithItsAssigneeAndOnlyItsOwnCabCalls() {
    Dispatch dispatch = new Dispatch(7, "r2", "r1@1", 40,
        List.of(new PendingCall(DOWN2, 31, 0, 31), new PendingCall(UP0, 35, 0, 35), new PendingCall(new CabCall("e1", 3), 38, 0, 38),
            new PendingCall(new CabCall("e2", 1), 39, 0, 39)),
        new Assignment(Map.of("e1", Set.of(DOWN2), "e2", Set.of())));
    assertThat(dispatch.pushFor("e1")).isEqualTo(PUSH.withPushSeq(Push.UNNUMBERED));
    assertThat(dispatch.pushFor("e2").cab()).containsExactly(new Push.Cab(1, 39));
    assertThat(dispatch.pushFor("e2").hall()).isEqualTo(PUSH.hall());
  }

  @Test
  void aPushReadsBackAsWritten() {
    assertThat(Push.fromJson(new JsonObject(PUSH.toJson().encode()))).isEqualTo(PUSH);
    assertThat(PUSH.toJson().getString("type")).isEqualTo(Push.TYPE);
    for (Standby advice : List.of(new Standby(0, true), new Standby(5, false), new Standby(Standby.NO_PARK, true))) {
      Push advised = new Push(7, 12, "r2", "r1@1", 40, PUSH.hall(), PUSH.cab(), advice);
      assertThat(Push.fromJson(new JsonObject(advised.toJson().encode()))).isEqualTo(advised);
    }
  }

  @Test
  void eachCarIsPushedOnlyItsOwnAdvice() {
    Dispatch dispatch = new Dispatch(7, "r2", "r1@1", 40, List.of(new PendingCall(UP0, 35, 0, 35)),
        new Assignment(Map.of("e1", Set.of(UP0), "e2", Set.of(), "e3", Set.of()),
            Map.of("e1", new Standby(Standby.NO_PARK, true), "e2", new Standby(0, false))));
    assertThat(dispatch.pushFor("e1").standby()).isEqualTo(new Standby(Standby.NO_PARK, true));
    assertThat(dispatch.pushFor("e2").standby()).isEqualTo(new Standby(0, false));
    assertThat(dispatch.pushFor("e3").standby()).isEqualTo(Standby.NONE);
    assertThat(dispatch.pushFor("e3").toJson().containsKey("standby")).as("no advice, no field: an older node reads it as before").isFalse();
  }

  @Test
  void absentOptionalFieldsReadAsUnknown() {
    Push bare = Push.fromJson(new JsonObject().put("viewnum", 3).put("hall", new JsonArray()).put("cab", new JsonArray()));
    assertThat(bare.pushSeq()).isEqualTo(Push.UNNUMBERED);
    assertThat(bare.bookSeq()).isEqualTo(-1);
    assertThat(bare.primary()).isNull();
    assertThat(bare.generation()).isNull();
    assertThat(bare.standby()).isEqualTo(Standby.NONE);
  }

  @Test
  void aMalformedPushIsRefused() {
    JsonObject good = PUSH.toJson();
    for (JsonObject bad : List.of(
        good.copy().put("viewnum", "7"),
        good.copy().put("viewnum", -1),
        good.copy().putNull("hall"),
        good.copy().put("hall", new JsonArray().add(1)),
        good.copy().put("hall", new JsonArray().add(new JsonObject().put("floor", 1).put("direction", "sideways").put("seq", 3))),
        good.copy().put("cab", new JsonArray().add(new JsonObject().put("floor", 1))),
        good.copy().put("pushSeq", "x"),
        good.copy().put("standby", 3),
        good.copy().put("standby", new JsonObject().put("park", -2)),
        good.copy().put("standby", new JsonObject().put("park", "lobby")),
        good.copy().put("standby", new JsonObject().put("hold", "yes")))) {
      assertThatThrownBy(() -> Push.fromJson(bad)).as(bad.encode()).isInstanceOf(BadRequest.class);
    }
  }
}
