package org.paternoster.system.chaos;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Door openings a node logged ({@code GET /state}'s {@code doorOpenings}, numbered per process)
 * that the observer's polls did not see: a door open for less than the polling gap, or while the
 * observer was starved of CPU. The first sight of a node's openings, and a restarted node (its
 * count went down), only set the baseline: an old opening must never pass for a service now. A
 * node seen with none yet has baseline 0, so its very first opening counts (chaos seed 134: a car
 * whose first stop was cut short by drifting off the floor was taken for a lost call). No I/O;
 * synchronized, as the observer's answers may arrive on more than one thread.
 */
final class DoorOpenings {
  private final Map<String, Long> seen = new HashMap<>(); // node -> newest opening number seen

  /**
   * The floors of openings in {@code log} not seen before, oldest first, leaving out the newest
   * when this poll itself shows that door open at that floor ({@code openNow}, {@code floorNow}).
   */
  synchronized List<Integer> unseen(String node, JsonArray log, boolean openNow, Integer floorNow) {
    if (log == null) return List.of();
    if (log.isEmpty()) {
      seen.put(node, 0L);
      return List.of();
    }
    long newest = log.getJsonObject(log.size() - 1).getLong("n");
    Long before = seen.put(node, newest);
    if (before == null || newest < before) return List.of();
    List<Integer> floors = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      JsonObject o = log.getJsonObject(i);
      boolean shownByThisPoll = i == log.size() - 1 && openNow && Objects.equals(o.getInteger("floor"), floorNow);
      if (o.getLong("n") <= before || shownByThisPoll || o.getInteger("floor") == null) continue;
      floors.add(o.getInteger("floor"));
    }
    return floors;
  }
}
