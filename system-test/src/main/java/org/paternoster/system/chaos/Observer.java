package org.paternoster.system.chaos;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Polls every {@code pollMs}: each node's {@code GET /state}, the view service's {@code GET /view}
 * (and {@code GET /views} every second), each replica's {@code GET /orders}; records changes into
 * the {@link History}. One request in flight per target; a target is "down" after two failed
 * polls in a row (a paused process times out). Also answers what the runner needs to know now
 * (the primary, whether every light is off).
 */
public final class Observer {
  private static final long TIMEOUT_MS = 500;

  private final Http http;
  private final Topology topology;
  private final History history;
  private final long pollMs;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Map<String, Set<String>> lights = new ConcurrentHashMap<>();
  private final Map<String, Integer> pressesInFlight = new ConcurrentHashMap<>();
  private final Map<String, Boolean> online = new ConcurrentHashMap<>();
  private final Map<String, String> cars = new ConcurrentHashMap<>();
  private final DoorOpenings doorOpenings = new DoorOpenings();
  private final Map<String, String> orders = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, Boolean> up = new ConcurrentHashMap<>();
  private final Set<Long> viewEntries = ConcurrentHashMap.newKeySet();
  private volatile JsonObject view;
  private volatile String lastViewKey;

  public Observer(Http http, Topology topology, History history, long pollMs) {
    this.http = http;
    this.topology = topology;
    this.history = history;
    this.pollMs = pollMs;
  }

  public void start() {
    running.set(true);
    for (String n : Topology.NODES) loop(topology.url(n) + "/state", n, pollMs, body -> node(n, body));
    for (String r : Topology.REPLICAS) loop(topology.url(r) + "/orders", r, pollMs, body -> orders(r, body));
    loop(topology.url(Topology.VIEW_SERVICE) + "/view", Topology.VIEW_SERVICE, pollMs, this::view);
    loop(topology.url(Topology.VIEW_SERVICE) + "/views", null, 1000, this::views);
  }

  public void stop() {
    running.set(false);
  }

  /** The view service's latest view, or null before the first answer. */
  public JsonObject view() {
    return view;
  }

  public boolean isUp(String name) {
    return up.getOrDefault(name, false);
  }

  /**
   * Every node answers, is linked to a primary, shows no lamp lit and has no press on its way to
   * the primary (one held up by a partition just healed would light a lamp after the run looked
   * drained: bench seed 155; a node still offline may yet hear of a call the new primary holds and
   * light it: bench seed 53).
   */
  public boolean settled() {
    for (String n : Topology.NODES) {
      if (!isUp(n) || !online.getOrDefault(n, false) || !lights.getOrDefault(n, Set.of()).isEmpty()
          || pressesInFlight.getOrDefault(n, 1) > 0) return false;
    }
    return true;
  }

  /** Lamps lit on any node right now (for progress lines). */
  public int litCount() {
    Set<String> all = new HashSet<>();
    lights.values().forEach(all::addAll);
    return all.size();
  }

  /** Polls {@code url} forever; {@code name} (if not null) gets reachability events. */
  private void loop(String url, String name, long every, Consumer<JsonObject> onBody) {
    if (!running.get()) return;
    long sent = history.now();
    http.get(url, TIMEOUT_MS).onComplete(ar -> {
      boolean ok = ar.succeeded() && ar.result().statusCode() == 200;
      if (ok) {
        try {
          Object body = ar.result().bodyAsJson(Object.class);
          if (name != null) reachable(name, true);
          onBody.accept(body instanceof JsonObject o ? o.put("_sent", sent) : new JsonObject().put("list", body).put("_sent", sent));
        } catch (RuntimeException e) {
          // a malformed answer counts as no answer
        }
      } else if (name != null && failures.merge(name, 1, Integer::sum) >= 2) {
        reachable(name, false);
      }
      http.vertx().setTimer(every, id -> loop(url, name, every, onBody));
    });
  }

  /** Records the door openings the node logged that the polls missed, as a door open at that floor now. */
  private boolean missedDoorOpenings(String n, JsonObject s, long t) {
    List<Integer> floors = doorOpenings.unseen(n, s.getJsonArray("doorOpenings"), "doorOpen".equals(s.getString("behaviour")),
        s.getInteger("floor"));
    for (int floor : floors) history.add(new Event.Car(t, n, floor, "doorOpen", "stop", s.getBoolean("online", false)));
    return !floors.isEmpty();
  }

  private void reachable(String name, boolean isUp) {
    if (isUp) failures.put(name, 0);
    Boolean before = up.put(name, isUp);
    if (!Objects.equals(before, isUp)) history.add(new Event.Reachable(history.now(), name, isUp));
  }

  private void node(String n, JsonObject s) {
    long t = history.now();
    String car = s.getInteger("floor") + "/" + s.getString("behaviour") + "/" + s.getString("direction") + "/" + s.getBoolean("online");
    if (missedDoorOpenings(n, s, t)) cars.remove(n); // the poll's own state is recorded after them
    if (!car.equals(cars.put(n, car))) {
      history.add(new Event.Car(t, n, s.getInteger("floor", -1), s.getString("behaviour"), s.getString("direction"),
          s.getBoolean("online", false)));
    }
    pressesInFlight.put(n, s.getInteger("pressesInFlight", 0));
    online.put(n, s.getBoolean("online", false));
    Set<String> lit = new HashSet<>();
    JsonArray hall = s.getJsonObject("lights").getJsonArray("hall");
    JsonArray cab = s.getJsonObject("lights").getJsonArray("cab");
    for (int f = 0; f < hall.size(); f++) {
      if (hall.getJsonArray(f).getBoolean(0)) lit.add(Calls.hall(f, "up"));
      if (hall.getJsonArray(f).getBoolean(1)) lit.add(Calls.hall(f, "down"));
      if (cab.getBoolean(f)) lit.add(Calls.cab(n, f));
    }
    Set<String> before = lights.getOrDefault(n, Set.of());
    for (String c : lit) if (!before.contains(c)) history.add(new Event.Light(t, n, c, true));
    for (String c : before) if (!lit.contains(c)) history.add(new Event.Light(t, n, c, false));
    lights.put(n, lit);
  }

  private void orders(String r, JsonObject o) {
    Set<String> calls = new HashSet<>();
    for (Object x : o.getJsonArray("orders")) {
      JsonObject c = (JsonObject) x;
      calls.add("hall".equals(c.getString("type")) ? Calls.hall(c.getInteger("floor"), c.getString("direction"))
          : Calls.cab(c.getString("elevator"), c.getInteger("floor")));
    }
    String role = o.getString("role");
    long viewnum = o.getLong("viewnum");
    String key = role + "/" + viewnum + "/" + new java.util.TreeSet<>(calls);
    if (!key.equals(orders.put(r, key))) history.add(new Event.Orders(o.getLong("_sent"), r, role, viewnum, Set.copyOf(calls)));
  }

  private void view(JsonObject v) {
    view = v;
    String key = v.getLong("viewnum") + "/" + v.getString("primary") + "/" + v.getString("backup") + "/" + v.getBoolean("acked");
    if (!key.equals(lastViewKey)) {
      lastViewKey = key;
      history.add(new Event.ViewSeen(history.now(), v.getLong("viewnum"), v.getString("primary"), v.getString("backup"),
          v.getBoolean("acked", false)));
    }
  }

  private void views(JsonObject wrapper) {
    for (Object x : wrapper.getJsonArray("list")) {
      JsonObject v = (JsonObject) x;
      if (viewEntries.add(v.getLong("viewnum"))) {
        history.add(new Event.ViewEntry(history.now(), v.getLong("viewnum"), v.getString("primary"), v.getString("backup"),
            v.getString("reason"), v.getLong("failoverMs")));
      }
    }
  }
}
