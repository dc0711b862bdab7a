package org.paternoster.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paternoster.assign.Cars.down;
import static org.paternoster.assign.Cars.idle;
import static org.paternoster.assign.Cars.up;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.Building;

class CourseJsonTest {
  private static final Building THREE = new Building(3);
  private static final AssignmentProblem PROBLEM = new AssignmentProblem(THREE, Set.of(up(0), down(2)), List.of(
      idle("b", 2, 3).withCabCalls(0),
      new ElevatorState("a", 1, Behaviour.DOOR_OPEN, MotorDirection.DOWN, new boolean[3], true),
      idle("z", 0, 3).withAvailable(false)));

  @Test
  void theRequestHasTheCourseShapeAndListsOnlyAvailableCars() {
    assertThat(CourseJson.request(PROBLEM)).isEqualTo(new JsonObject("""
        {"hallRequests": [[true, false], [false, false], [false, true]],
         "states": {
           "a": {"behaviour": "doorOpen", "floor": 1, "direction": "down", "cabRequests": [false, false, false]},
           "b": {"behaviour": "idle", "floor": 2, "direction": "stop", "cabRequests": [true, false, false]}}}"""));
  }

  @Test
  void requestsRoundTrip() {
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      AssignmentProblem p = Cars.random(random);
      AssignmentProblem back = CourseJson.parseRequest(new JsonObject(CourseJson.request(p).encode()));
      assertThat(back.building()).isEqualTo(p.building());
      assertThat(back.hallCalls()).isEqualTo(p.hallCalls());
      assertThat(back.elevators()).isEqualTo(p.available());
    }
  }

  @Test
  void answersRoundTrip() {
    Random random = new Random(4);
    for (int i = 0; i < 200; i++) {
      AssignmentProblem p = Cars.random(random);
      if (p.available().isEmpty()) continue;
      Assignment a = new TimeToIdleAssigner().assign(p.building(), p.hallCalls(), p.elevators());
      assertThat(CourseJson.parseAnswer(CourseJson.answer(a, p.building()).encode(), p)).isEqualTo(a);
    }
  }

  @Test
  void parsesAValidAnswer() {
    Assignment a = CourseJson.parseAnswer("{\"a\": [[false,false],[false,false],[false,true]], "
        + "\"b\": [[true,false],[false,false],[false,false]]}", PROBLEM);
    assertThat(a).isEqualTo(new Assignment(Map.of("a", Set.of(down(2)), "b", Set.of(up(0)))));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "not json",
    "[]",
    "{\"a\": [[false,false],[false,false],[false,true]]}",
    "{\"a\": [[false,false],[false,false],[false,true]], \"b\": [[true,false],[false,false],[false,false]], \"c\": [[false,false],[false,false],[false,false]]}",
    "{\"a\": [[false,false],[false,false],[false,true]], \"z\": [[true,false],[false,false],[false,false]]}",
    "{\"a\": [[false,false],[false,true]], \"b\": [[true,false],[false,false],[false,false]]}",
    "{\"a\": [[false,false],[false,false],[false,true,false]], \"b\": [[true,false],[false,false],[false,false]]}",
    "{\"a\": [[false,false],[false,false],[false,1]], \"b\": [[true,false],[false,false],[false,false]]}",
    "{\"a\": [[false,false],[false,false],[false,\"true\"]], \"b\": [[true,false],[false,false],[false,false]]}",
    "{\"a\": {}, \"b\": [[true,false],[false,false],[false,false]]}",
    "{\"a\": [[false,false],[false,false],[false,true]], \"b\": [[true,false],[false,false],[false,true]]}",
    "{\"a\": [[false,false],[false,false],[false,false]], \"b\": [[true,false],[false,false],[false,false]]}",
    "{\"a\": [[false,false],[false,true],[false,true]], \"b\": [[true,false],[false,false],[false,false]]}",
    "{\"a\": [[false,false],[false,false],[true,true]], \"b\": [[true,false],[false,false],[false,false]]}",
  })
  void rejectsAnythingButAPerfectAnswer(String answer) {
    assertThatThrownBy(() -> CourseJson.parseAnswer(answer, PROBLEM)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{}",
    "{\"hallRequests\": [[false,false]], \"states\": {}}",
    "{\"hallRequests\": [[false,false],[false,false]], \"states\": []}",
    "{\"hallRequests\": [[false,false],[true,false]], \"states\": {}}",
    "{\"hallRequests\": [[false,false],[false,false]], \"states\": {\"a\": {\"behaviour\": \"idle\", \"floor\": 2, \"direction\": \"stop\", \"cabRequests\": [false,false]}}}",
    "{\"hallRequests\": [[false,false],[false,false]], \"states\": {\"a\": {\"behaviour\": \"idle\", \"floor\": 0, \"direction\": \"sideways\", \"cabRequests\": [false,false]}}}",
    "{\"hallRequests\": [[false,false],[false,false]], \"states\": {\"a\": {\"behaviour\": 1, \"floor\": 0, \"direction\": \"stop\", \"cabRequests\": [false,false]}}}",
    "{\"hallRequests\": [[false,false],[false,false]], \"states\": {\"a\": {\"behaviour\": \"idle\", \"floor\": 0, \"direction\": \"stop\", \"cabRequests\": [false]}}}",
  })
  void rejectsMalformedRequests(String request) {
    assertThatThrownBy(() -> CourseJson.parseRequest(new JsonObject(request))).isInstanceOf(IllegalArgumentException.class);
  }
}
