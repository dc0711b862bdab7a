package org.paternoster.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paternoster.assign.Cars.down;
import static org.paternoster.assign.Cars.idle;
import static org.paternoster.assign.Cars.up;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.HallCall;

/** ElevatorState and Assignment are immutable values. */
class ValuesTest {

  @Test
  void elevatorStateCopiesItsCabCallsInAndOut() {
    boolean[] cab = {false, true, false};
    ElevatorState s = new ElevatorState("a", 0, Behaviour.IDLE, MotorDirection.STOP, cab, true);
    cab[0] = true;
    s.cabRequests()[2] = true;
    assertThat(s.cabRequests()).containsExactly(false, true, false);
    assertThat(s).isEqualTo(idle("a", 0, 3).withCabCalls(1)).hasSameHashCodeAs(idle("a", 0, 3).withCabCalls(1));
    assertThat(s).isNotEqualTo(idle("a", 0, 3).withCabCalls(1).withAvailable(false));
  }

  @Test
  void enumsSpeakTheCourseJson() {
    assertThat(Behaviour.DOOR_OPEN.json()).isEqualTo("doorOpen");
    assertThat(Behaviour.fromJson("moving")).isEqualTo(Behaviour.MOVING);
    assertThat(MotorDirection.fromJson("stop")).isEqualTo(MotorDirection.STOP);
    assertThatThrownBy(() -> Behaviour.fromJson("door_open")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MotorDirection.fromJson(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void assignmentsAreComparedByValue() {
    Set<HallCall> mutable = new HashSet<>(Set.of(up(0), down(2)));
    Assignment a = new Assignment(Map.of("a", mutable, "b", Set.of()));
    mutable.clear();
    Assignment b = new Assignment(Map.of("b", Set.of(), "a", Set.of(down(2), up(0))));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new Assignment(Map.of("a", Set.of(up(0)), "b", Set.of(down(2)))));
    assertThat(a).isNotEqualTo(new Assignment(Map.of("a", Set.of(up(0), down(2)))));
  }

  @Test
  void assignmentAnswersWhoServesWhat() {
    Assignment a = new Assignment(Map.of("a", Set.of(up(0)), "b", Set.of(down(2))));
    assertThat(a.assigneeOf(down(2))).contains("b");
    assertThat(a.assigneeOf(up(1))).isEmpty();
    assertThat(a.callsFor("a")).containsExactly(up(0));
    assertThat(a.callsFor("nobody")).isEmpty();
    assertThat(a.elevators()).containsExactly("a", "b");
  }

  @Test
  void aCallUnderTwoCarsIsRejected() {
    assertThatThrownBy(() -> new Assignment(Map.of("a", Set.of(up(0)), "b", Set.of(up(0)))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
