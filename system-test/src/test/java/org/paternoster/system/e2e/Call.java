package org.paternoster.system.e2e;

import io.vertx.core.json.JsonObject;

/** A call as the end-to-end tests see it: a hall button or one car's cab button. */
sealed interface Call permits Call.Hall, Call.Cab {
  int floor();

  /** The body of the node's {@code POST /buttons} that presses this button. */
  JsonObject button();

  static Hall hall(int floor, String direction) {
    return new Hall(floor, direction);
  }

  static Cab cab(String elevator, int floor) {
    return new Cab(elevator, floor);
  }

  /** A hall button: {@code direction} is "up" or "down". */
  record Hall(int floor, String direction) implements Call {
    @Override
    public JsonObject button() {
      return new JsonObject().put("type", "hall").put("floor", floor).put("direction", direction);
    }

    @Override
    public String toString() {
      return "hall " + direction + "@" + floor;
    }
  }

  /** A cab button of car {@code elevator}. */
  record Cab(String elevator, int floor) implements Call {
    @Override
    public JsonObject button() {
      return new JsonObject().put("type", "cab").put("floor", floor);
    }

    @Override
    public String toString() {
      return "cab " + elevator + "@" + floor;
    }
  }

  /** A call in a replica's {@code GET /orders}. */
  static Call fromOrder(JsonObject order) {
    return "hall".equals(order.getString("type"))
        ? new Hall(order.getInteger("floor"), order.getString("direction"))
        : new Cab(order.getString("elevator"), order.getInteger("floor"));
  }
}
