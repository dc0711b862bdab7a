package org.paternoster.system.chaos;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Random;

/**
 * Commits hall calls directly with {@code POST /orders} to whichever replica the view service
 * names primary, every {@code gapMs..2*gapMs}, and records every acknowledgement (which replica,
 * its viewnum and seq): the evidence for "at most one replica commits in any view" and "no
 * acknowledged order is missing from a later primary". The orders are ordinary hall calls, so
 * the cars serve them and the primary removes them when served; nothing else is needed to clean
 * up. A request that fails or answers 503 is not retried (it is simply not an acknowledgement).
 */
public final class DirectOrders implements Runnable {
  private final Http http;
  private final Topology topology;
  private final History history;
  private final Observer observer;
  private final Random random;
  private final int gapMs;
  private volatile boolean running = true;
  private int sent;

  public DirectOrders(Http http, Topology topology, History history, Observer observer, long seed, int gapMs) {
    this.http = http;
    this.topology = topology;
    this.history = history;
    this.observer = observer;
    this.random = new Random(seed);
    this.gapMs = gapMs;
  }

  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      PassengerGenerator.sleep(gapMs + random.nextInt(gapMs + 1));
      int floor = random.nextInt(Topology.FLOORS);
      String dir = floor == 0 ? "up" : floor == Topology.FLOORS - 1 ? "down" : random.nextBoolean() ? "up" : "down";
      JsonObject view = observer.view();
      if (!running || view == null || view.getString("primary") == null) continue;
      String replica = view.getString("primary");
      if (!Topology.isReplica(replica)) continue;
      JsonObject body = new JsonObject().put("id", "chaos-" + (++sent)).put("type", "hall").put("floor", floor).put("direction", dir);
      HttpResponse<Buffer> r = http.postNow(topology.url(replica) + "/orders", body, 2000);
      if (r != null && r.statusCode() == 200) {
        JsonObject a = r.bodyAsJsonObject();
        history.add(new Event.Ack(history.now(), replica, a.getLong("viewnum"), a.getLong("seq"), Calls.hall(floor, dir)));
      }
    }
  }
}
