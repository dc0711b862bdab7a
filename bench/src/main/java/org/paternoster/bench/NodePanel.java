package org.paternoster.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

/**
 * One elevator node's panel, driven from outside over its HTTP API: press a cab button (as the
 * simulated panel would see a finger), and read the lamps back from {@code GET /state}. For the
 * light-latency benchmarks; blocking calls, so not on an event loop.
 */
final class NodePanel {
  private final WebClient http;
  private final String url;
  private final int floors;

  NodePanel(WebClient http, String url, int floors) {
    this.http = http;
    this.url = url;
    this.floors = floors;
  }

  /** Waits (up to 30 s) until the node has its hardware and a link to the primary. */
  void awaitOnline() throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      try {
        if (Boolean.TRUE.equals(state().getBoolean("online"))) return;
      } catch (Exception e) { // still starting
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(url + " never came online");
  }

  /**
   * A floor after {@code after} whose cab lamp is off, never the car's floor or its neighbours (a
   * call there may be served before its lamp is seen).
   */
  int nextUnlit(int after) {
    for (int attempt = 0; attempt < 10_000; attempt++) {
      JsonObject state = state();
      JsonArray cab = state.getJsonObject("lights").getJsonArray("cab");
      int car = state.getInteger("floor", -10);
      for (int k = 1; k <= floors; k++) {
        int f = (after + k) % floors;
        if (!cab.getBoolean(f) && Math.abs(f - car) > 1) return f;
      }
    }
    throw new IllegalStateException(url + ": every cab lamp stays lit");
  }

  /**
   * {@link #pressUntilLit} after a random pause of 0–50 ms: a person presses at any moment, not
   * right after the last lamp lit (which would land just after a poll and wait a full poll period
   * every time).
   */
  long pressAfterPauseUntilLit(int floor, java.util.Random pauses) throws InterruptedException {
    Thread.sleep(pauses.nextInt(MAX_PAUSE_MS + 1));
    return pressUntilLit(floor);
  }

  static final int MAX_PAUSE_MS = 50;

  /** Between two reads of the lamps: back to back, the reads took a core of the two the chain runs on. */
  private static final long POLL_NANOS = 1_000_000;

  /** Presses the cab button for {@code floor} and returns the microseconds until its lamp is seen on (at most 5 s). */
  long pressUntilLit(int floor) {
    long t0 = System.nanoTime();
    http.postAbs(url + "/buttons").sendBuffer(Buffer.buffer(new JsonObject().put("type", "cab").put("floor", floor).encode())).await();
    while (!state().getJsonObject("lights").getJsonArray("cab").getBoolean(floor)) {
      if (System.nanoTime() - t0 > 5_000_000_000L) throw new IllegalStateException(url + ": no light within 5 s");
      java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
    }
    return (System.nanoTime() - t0) / 1_000;
  }

  private JsonObject state() {
    return http.getAbs(url + "/state").send().await().bodyAsJsonObject();
  }
}
