package org.paternoster.elevator.node;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.paternoster.elevator.fsm.ElevatorState;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Call;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;

/** The node's {@code GET /state} document. */
final class NodeState {
  private NodeState() {}

  /**
   * The lamps {@code lit} shows on this car's panels: {@code {"hall": [[up, down], ...], "cab": [...]}},
   * one entry per floor from the ground floor ({@code GET /state}'s {@code lights}, and each event
   * of {@code GET /lights/events}).
   */
  static JsonObject lights(NodeConfig config, Set<Call> lit) {
    JsonArray hall = new JsonArray();
    JsonArray cab = new JsonArray();
    for (int f = 0; f < config.floors(); f++) {
      hall.add(new JsonArray()
          .add(lit.contains(new HallCall(f, Direction.UP)))
          .add(lit.contains(new HallCall(f, Direction.DOWN))));
      cab.add(lit.contains(new CabCall(config.id(), f)));
    }
    return new JsonObject().put("hall", hall).put("cab", cab);
  }

  static JsonObject json(NodeConfig config, ElevatorState car, NodeCore core, boolean hardwareUp, boolean durable) {
    Set<Call> lit = core.lit();
    JsonArray hallCalls = new JsonArray();
    lit.stream().filter(c -> c instanceof HallCall).map(c -> (HallCall) c).forEach(h -> hallCalls.add(new JsonObject()
        .put("floor", h.floor()).put("direction", h.direction().json()).put("assigned", core.assigned().contains(h))));
    JsonArray cabCalls = new JsonArray();
    core.cabCalls().keySet().forEach(cabCalls::add);
    boolean available = hardwareUp && car.available();
    return new JsonObject()
        .put("id", config.id())
        .put("floor", car.floor())
        .put("direction", car.direction().json())
        .put("behaviour", car.behaviour().json())
        .put("obstruction", car.obstruction())
        .put("stop", car.stopPressed())
        .put("available", available)
        .put("unavailableReason", available ? null : hardwareUp ? car.unavailable() : "hardware")
        .put("online", core.online())
        .put("pressesInFlight", core.pressesInFlight())
        .put("viewnum", core.viewnum())
        .put("cabCalls", cabCalls)
        .put("hallCalls", hallCalls)
        .put("lights", lights(config, lit))
        .put("standby", core.standby().toJson())
        .put("hardwareConnected", hardwareUp)
        .put("durableCabCalls", durable);
  }
}
