package org.paternoster.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import org.paternoster.http.EventStreamClient;

/**
 * One elevator node's panel, driven from outside over its HTTP API: press a cab button (as the
 * simulated panel would see a finger), and watch the lamps on {@code GET /lights/events}. The node
 * pushes each change, so a lamp is seen as soon as it lights without polling the node (reading
 * {@code /state} once a millisecond cost the benchmark half a core and the node a quarter, and
 * made garbage that paused the node for young collections). For the light-latency benchmarks; a
 * button is a cab floor. The lamp stream closes with {@code vertx}.
 */
final class NodePanel implements Panel {
  private static final long LIGHT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Vertx vertx;
  private final WebClient http;
  private final int port;
  private final String url;
  private final int floors;
  /**
   * Guarded by {@code this}: the cab lamps as last pushed, when each last went from off to on, and
   * how many events have come.
   */
  private boolean[] cab;
  private final long[] litAtNanos;
  private long lampEvents;

  NodePanel(Vertx vertx, WebClient http, int port, int floors) {
    this.vertx = vertx;
    this.http = http;
    this.port = port;
    this.url = "http://127.0.0.1:" + port;
    this.floors = floors;
    this.litAtNanos = new long[floors];
  }

  /** Waits (up to 30 s) until the node has its hardware and a link to the primary, then watches its lamps. */
  void awaitOnline() throws InterruptedException {
    for (int i = 0; !online(); i++) {
      if (i == 600) throw new IllegalStateException(url + " never came online");
      Thread.sleep(50);
    }
    EventStreamClient.watch(vertx, port, "/lights/events", this::onLamps).await();
    awaitFirstLamps();
  }

  private boolean online() {
    try {
      return Boolean.TRUE.equals(state().getBoolean("online"));
    } catch (Exception e) { // still starting (await throws the connect failure unchecked)
      return false;
    }
  }

  /** The stream's first event holds the lamps as they are now. */
  private synchronized void awaitFirstLamps() throws InterruptedException {
    long deadline = System.nanoTime() + LIGHT_TIMEOUT_NANOS;
    while (cab == null) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new IllegalStateException(url + ": no lamps pushed within 5 s");
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /**
   * A floor after {@code after} whose cab lamp is off, never the car's floor or its neighbours (a
   * call there may be served before its lamp is seen). When there is none yet (presses come faster
   * than the car serves them), waits for a lamp to go off, re-reading the car's floor at most every
   * {@value #RESCAN_MS} ms: reading it back to back took a core from the chain being measured.
   */
  @Override
  public int nextUnlit(int after) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      int car = state().getInteger("floor", -10);
      synchronized (this) {
        for (int k = 1; k <= floors; k++) {
          int f = (after + k) % floors;
          if (!cab[f] && Math.abs(f - car) > 1) return f;
        }
        long seen = lampEvents;
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RESCAN_MS);
        while (lampEvents == seen && System.nanoTime() < until) {
          TimeUnit.NANOSECONDS.timedWait(this, until - System.nanoTime());
        }
      }
    }
    throw new IllegalStateException(url + ": every cab lamp stays lit");
  }

  /** The longest wait for a lamp change before {@link #nextUnlit} reads the car's floor again. */
  private static final long RESCAN_MS = 20;

  /**
   * Presses the cab button for {@code floor}, whose lamp is off, and returns the microseconds until
   * the node pushes it on (at most 5 s).
   */
  @Override
  public long pressUntilLit(int floor) throws InterruptedException {
    synchronized (this) {
      litAtNanos[floor] = 0;
    }
    long t0 = System.nanoTime();
    http.postAbs(url + "/buttons").sendBuffer(Buffer.buffer(new JsonObject().put("type", "cab").put("floor", floor).encode())).await();
    synchronized (this) {
      while (litAtNanos[floor] == 0) {
        long left = LIGHT_TIMEOUT_NANOS - (System.nanoTime() - t0);
        if (left <= 0) throw new IllegalStateException(url + ": no light within 5 s");
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return (litAtNanos[floor] - t0) / 1_000;
    }
  }

  /** On the client's event loop: stamps each lamp that went from off to on. */
  private synchronized void onLamps(JsonObject lights) {
    long now = System.nanoTime();
    JsonArray pushed = lights.getJsonArray("cab");
    boolean[] next = new boolean[floors];
    for (int f = 0; f < floors; f++) {
      next[f] = pushed.getBoolean(f);
      if (next[f] && (cab == null || !cab[f])) litAtNanos[f] = now;
    }
    cab = next;
    lampEvents++;
    notifyAll();
  }

  private JsonObject state() {
    return http.getAbs(url + "/state").send().await().bodyAsJsonObject();
  }
}
