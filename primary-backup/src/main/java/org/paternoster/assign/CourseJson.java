package org.paternoster.assign;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paternoster.orders.Building;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/**
 * The JSON of the course's assigner programs. Request:
 * {@code {"hallRequests": [[up, down], ...one per floor], "states": {"id": {"behaviour":
 * "idle|moving|doorOpen", "floor": f, "direction": "up|down|stop", "cabRequests": [bool, ...]}}}},
 * listing available cars only. Answer: {@code {"id": [[up, down], ...one per floor], ...}}.
 * Every parse is strict and throws {@link IllegalArgumentException} on anything unexpected.
 */
public final class CourseJson {
  private CourseJson() {}

  public static JsonObject request(AssignmentProblem problem) {
    JsonObject states = new JsonObject();
    for (ElevatorState car : problem.available()) {
      JsonArray cab = new JsonArray();
      for (int f = 0; f < problem.building().floors(); f++) cab.add(car.cabRequest(f));
      states.put(car.id(), new JsonObject()
          .put("behaviour", car.behaviour().json())
          .put("floor", Math.min(car.floor(), problem.building().floors() - 1))
          .put("direction", car.direction().json())
          .put("cabRequests", cab));
    }
    return new JsonObject().put("hallRequests", matrix(problem.hallCalls(), problem.building())).put("states", states);
  }

  /** The problem a request describes; every car in it is available. */
  public static AssignmentProblem parseRequest(JsonObject request) {
    JsonArray rows = array(request.getValue("hallRequests"), "hallRequests");
    Building building = new Building(rows.size());
    JsonObject states = request.getValue("states") instanceof JsonObject o ? o : fail("states must be an object");
    List<ElevatorState> cars = new ArrayList<>();
    for (String id : states.fieldNames()) {
      JsonObject s = states.getValue(id) instanceof JsonObject o ? o : fail("state of " + id + " must be an object");
      int floor = s.getValue("floor") instanceof Integer f && f >= 0 && f < building.floors() ? f : fail("bad floor of " + id);
      boolean[] cab = new boolean[building.floors()];
      JsonArray cabs = array(s.getValue("cabRequests"), "cabRequests of " + id);
      if (cabs.size() != building.floors()) fail("cabRequests of " + id + " must have one flag per floor");
      for (int f = 0; f < cab.length; f++) cab[f] = bool(cabs.getValue(f));
      cars.add(new ElevatorState(id, floor, Behaviour.fromJson(string(s.getValue("behaviour"))),
          MotorDirection.fromJson(string(s.getValue("direction"))), cab, true));
    }
    return new AssignmentProblem(building, calls(rows, building), cars);
  }

  public static JsonObject answer(Assignment assignment, Building building) {
    JsonObject o = new JsonObject();
    assignment.calls().forEach((id, calls) -> o.put(id, matrix(calls, building)));
    return o;
  }

  /**
   * The assignment an assigner program printed for {@code problem}. Valid only if its ids are
   * exactly the available cars, every matrix has one {@code [up, down]} pair of booleans per
   * floor, and every pending hall call, and no other, is given to exactly one car.
   */
  public static Assignment parseAnswer(String text, AssignmentProblem problem) {
    JsonObject answer;
    try {
      answer = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return fail("answer is not a JSON object");
    }
    Set<String> expected = new HashSet<>();
    problem.available().forEach(car -> expected.add(car.id()));
    if (!answer.fieldNames().equals(expected)) fail("answer ids " + answer.fieldNames() + " are not " + expected);
    Map<String, Set<HallCall>> given = new LinkedHashMap<>();
    Set<HallCall> seen = new HashSet<>();
    for (String id : answer.fieldNames()) {
      Set<HallCall> calls = calls(array(answer.getValue(id), "answer of " + id), problem.building());
      for (HallCall c : calls) {
        if (!problem.hallCalls().contains(c)) fail(c + " given to " + id + " is not pending");
        if (!seen.add(c)) fail(c + " is given twice");
      }
      given.put(id, calls);
    }
    if (!seen.equals(problem.hallCalls())) fail("some pending hall calls are given to nobody");
    return new Assignment(given);
  }

  private static JsonArray matrix(Set<HallCall> calls, Building building) {
    JsonArray rows = new JsonArray();
    for (int f = 0; f < building.floors(); f++) {
      rows.add(new JsonArray()
          .add(calls.contains(new HallCall(f, Direction.UP)))
          .add(calls.contains(new HallCall(f, Direction.DOWN))));
    }
    return rows;
  }

  private static Set<HallCall> calls(JsonArray rows, Building building) {
    if (rows.size() != building.floors()) fail("a hall matrix must have " + building.floors() + " rows");
    Set<HallCall> calls = new HashSet<>();
    for (int f = 0; f < rows.size(); f++) {
      JsonArray pair = array(rows.getValue(f), "row " + f);
      if (pair.size() != 2) fail("row " + f + " must be [up, down]");
      if (bool(pair.getValue(0))) calls.add(new HallCall(f, Direction.UP));
      if (bool(pair.getValue(1))) calls.add(new HallCall(f, Direction.DOWN));
    }
    return calls;
  }

  private static JsonArray array(Object value, String what) {
    return value instanceof JsonArray a ? a : fail(what + " must be an array");
  }

  private static String string(Object value) {
    return value instanceof String s ? s : fail("expected a string, got " + value);
  }

  private static boolean bool(Object value) {
    return value instanceof Boolean b ? b : fail("expected a boolean, got " + value);
  }

  private static <T> T fail(String message) {
    throw new IllegalArgumentException(message);
  }
}
