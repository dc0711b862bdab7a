package org.paternoster.system.chaos;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Random;

/**
 * Presses random buttons on the nodes' simulated panels ({@code POST /buttons}), one press every
 * {@code minGapMs..maxGapMs}, from its own thread, until {@link #stop()}. Seeded: the same seed
 * gives the same sequence of presses (their effect depends on timing). A press a node did not
 * accept (down, paused, cut off) is not recorded.
 */
public final class PassengerGenerator implements Runnable {
  private final Http http;
  private final Topology topology;
  private final History history;
  private final Random random;
  private final int minGapMs;
  private final int maxGapMs;
  private volatile boolean running = true;

  public PassengerGenerator(Http http, Topology topology, History history, long seed, int minGapMs, int maxGapMs) {
    this.http = http;
    this.topology = topology;
    this.history = history;
    this.random = new Random(seed);
    this.minGapMs = minGapMs;
    this.maxGapMs = maxGapMs;
  }

  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      sleep(minGapMs + random.nextInt(maxGapMs - minGapMs + 1));
      if (!running) return;
      String node = Topology.NODES.get(random.nextInt(Topology.NODES.size()));
      int floor = random.nextInt(Topology.FLOORS);
      JsonObject body;
      String call;
      if (random.nextInt(3) == 0) {
        body = new JsonObject().put("type", "cab").put("floor", floor);
        call = Calls.cab(node, floor);
      } else {
        String dir = floor == 0 ? "up" : floor == Topology.FLOORS - 1 ? "down" : random.nextBoolean() ? "up" : "down";
        body = new JsonObject().put("type", "hall").put("floor", floor).put("direction", dir);
        call = Calls.hall(floor, dir);
      }
      HttpResponse<Buffer> r = http.postNow(topology.url(node) + "/buttons", body, 1000);
      if (r != null && r.statusCode() == 200) history.add(new Event.Press(history.now(), node, call));
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
