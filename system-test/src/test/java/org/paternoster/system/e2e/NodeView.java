package org.paternoster.system.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One elevator node's {@code GET /state}, as a person at its panel sees it: where the car is, what
 * it does, and which lamps are lit ({@code lights.hall} and {@code lights.cab}).
 */
record NodeView(String id, Integer floor, String behaviour, String direction, boolean obstruction, boolean available,
    String unavailableReason, boolean online, long viewnum, Set<Call.Hall> hallLights, Set<Call.Cab> cabLights, JsonObject raw) {

  static NodeView of(JsonObject state) {
    String id = state.getString("id");
    JsonObject lights = state.getJsonObject("lights");
    Set<Call.Hall> hall = new LinkedHashSet<>();
    JsonArray hallLamps = lights.getJsonArray("hall");
    for (int f = 0; f < hallLamps.size(); f++) {
      JsonArray pair = hallLamps.getJsonArray(f);
      if (pair.getBoolean(0)) hall.add(Call.hall(f, "up"));
      if (pair.getBoolean(1)) hall.add(Call.hall(f, "down"));
    }
    Set<Call.Cab> cab = new LinkedHashSet<>();
    JsonArray cabLamps = lights.getJsonArray("cab");
    for (int f = 0; f < cabLamps.size(); f++) {
      if (cabLamps.getBoolean(f)) cab.add(Call.cab(id, f));
    }
    return new NodeView(id, state.getInteger("floor"), state.getString("behaviour"), state.getString("direction"),
        state.getBoolean("obstruction", false), state.getBoolean("available", false), state.getString("unavailableReason"),
        state.getBoolean("online", false), state.getLong("viewnum", 0L), Set.copyOf(hall), Set.copyOf(cab), state);
  }

  /** True when this panel shows {@code call} lit (another car's cab call never is). */
  boolean lit(Call call) {
    return call instanceof Call.Hall h ? hallLights.contains(h) : cabLights.contains((Call.Cab) call);
  }

  boolean doorOpen() {
    return "doorOpen".equals(behaviour);
  }

  boolean doorOpenAt(int at) {
    return doorOpen() && floor != null && floor == at;
  }

  boolean idle() {
    return "idle".equals(behaviour);
  }

  /** Every lamp lit on this panel. */
  Set<Call> lit() {
    Set<Call> all = new LinkedHashSet<>(hallLights);
    all.addAll(cabLights);
    return all;
  }

  @Override
  public String toString() {
    return id + "{floor " + floor + ", " + behaviour + " " + direction + (online ? "" : ", OFFLINE")
        + (available ? "" : ", unavailable: " + unavailableReason) + (obstruction ? ", obstructed" : "") + ", lit " + lit() + "}";
  }
}
