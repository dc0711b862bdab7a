package org.paternoster.elevator.node;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.paternoster.assign.Behaviour;
import org.paternoster.elevator.fsm.ElevatorState;

/**
 * The car's last door openings, numbered from 1 for the life of the process, for {@code GET /state}:
 * an outside observer that polls can miss a door that was open for less than its polling gap, but
 * not an entry here (it keeps the last {@value #KEEP}). Fed every state change; counts an opening
 * when the door goes from shut to open, or opens at another floor.
 */
final class DoorLog {
  static final int KEEP = 16;
  private final Deque<JsonObject> recent = new ArrayDeque<>();
  private long openings;
  private boolean open;
  private Integer floor; // null until a floor sensor has fired

  void onState(ElevatorState state) {
    boolean nowOpen = state.behaviour() == Behaviour.DOOR_OPEN;
    if (nowOpen && (!open || !Objects.equals(state.floor(), floor))) {
      recent.addLast(new JsonObject().put("n", ++openings).put("floor", state.floor()));
      if (recent.size() > KEEP) recent.removeFirst();
    }
    open = nowOpen;
    floor = state.floor();
  }

  /** {@code [{"n":41,"floor":2}, ...]}, oldest first. */
  JsonArray json() {
    JsonArray out = new JsonArray();
    recent.forEach(o -> out.add(o.copy()));
    return out;
  }
}
