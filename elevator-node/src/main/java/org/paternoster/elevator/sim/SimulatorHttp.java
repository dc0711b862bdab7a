package org.paternoster.elevator.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.paternoster.elevator.hardware.Button;
import org.paternoster.http.BadRequest;
import org.paternoster.http.Fields;
import org.paternoster.http.JsonHttp;

/**
 * HTTP control of a simulator: the hands of a person at the panel.
 * <ul>
 *   <li>{@code POST /buttons} {@code {"type":"hall","floor":F,"direction":"up"|"down"}} or
 *       {@code {"type":"cab","floor":F}} presses a button for the configured press time;</li>
 *   <li>{@code POST /faults} with any of {@code {"motor":"cut"|"restore"}},
 *       {@code {"obstruction":true|false}}, {@code {"stop":true|false}};</li>
 *   <li>{@code GET /state} returns {@link SimulatorState#toJson()}.</li>
 * </ul>
 * Requests are validated completely before anything changes: a wrong type, a missing or unknown
 * field, a floor outside the building or a button that does not exist there is a {@code 400}
 * with {@code {"error": "..."}} and no effect. Success answers with the new state.
 */
public final class SimulatorHttp {
  static final long BODY_LIMIT_BYTES = 4096;

  private SimulatorHttp() {}

  /** A router serving all three endpoints. */
  public static Router router(Vertx vertx, EmbeddedSimulator sim) {
    Router router = JsonHttp.router(vertx, BODY_LIMIT_BYTES);
    mountControls(router, sim);
    router.get("/state").handler(ctx -> reply(ctx, sim.state()));
    return router;
  }

  /**
   * Adds {@code POST /buttons} and {@code POST /faults} to a router made by {@link JsonHttp#router},
   * so an elevator node in simulation mode can offer them next to its own {@code GET /state}.
   */
  public static void mountControls(Router router, EmbeddedSimulator sim) {
    int floors = sim.config().floors();
    router.post("/buttons").handler(ctx -> {
      Press press = parsePress(JsonHttp.body(ctx), floors);
      reply(ctx, sim.press(press.button(), press.floor()).compose(v -> sim.state()));
    });
    router.post("/faults").handler(ctx -> {
      List<Function<EmbeddedSimulator, Future<Void>>> changes = parseFaults(JsonHttp.body(ctx));
      Future<Void> applied = Future.succeededFuture();
      for (Function<EmbeddedSimulator, Future<Void>> change : changes) {
        applied = applied.compose(v -> change.apply(sim));
      }
      reply(ctx, applied.compose(v -> sim.state()));
    });
  }

  record Press(Button button, int floor) {}

  static Press parsePress(JsonObject body, int floors) {
    String type = Fields.oneOf(body, "type", "hall", "cab");
    int floor = (int) Fields.integer(body, "floor", 0, floors - 1);
    if (type.equals("cab")) {
      allowOnly(body, "type", "floor");
      return new Press(Button.CAB, floor);
    }
    allowOnly(body, "type", "floor", "direction");
    String direction = Fields.oneOf(body, "direction", "up", "down");
    Button button = direction.equals("up") ? Button.HALL_UP : Button.HALL_DOWN;
    if (!button.existsAt(floor, floors)) {
      throw new BadRequest("there is no hall " + direction + " button at floor " + floor);
    }
    return new Press(button, floor);
  }

  static List<Function<EmbeddedSimulator, Future<Void>>> parseFaults(JsonObject body) {
    allowOnly(body, "motor", "obstruction", "stop");
    if (body.isEmpty()) throw new BadRequest("expected at least one of: motor, obstruction, stop");
    List<Function<EmbeddedSimulator, Future<Void>>> changes = new java.util.ArrayList<>();
    if (body.containsKey("motor")) {
      boolean cut = Fields.oneOf(body, "motor", "cut", "restore").equals("cut");
      changes.add(sim -> sim.setMotorCut(cut));
    }
    if (body.containsKey("obstruction")) {
      boolean active = Fields.bool(body, "obstruction");
      changes.add(sim -> sim.setObstruction(active));
    }
    if (body.containsKey("stop")) {
      boolean pressed = Fields.bool(body, "stop");
      changes.add(sim -> sim.setStop(pressed));
    }
    return changes;
  }

  private static void allowOnly(JsonObject body, String... allowed) {
    List<String> known = List.of(allowed);
    for (String field : body.fieldNames()) {
      if (!known.contains(field)) throw new BadRequest("unknown field: " + field);
    }
  }

  private static void reply(RoutingContext ctx, Future<SimulatorState> state) {
    state.onSuccess(s -> JsonHttp.ok(ctx, s.toJson())).onFailure(ctx::fail);
  }
}
