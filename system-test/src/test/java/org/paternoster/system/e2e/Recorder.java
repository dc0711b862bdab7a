package org.paternoster.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.paternoster.system.chaos.Calls;
import org.paternoster.system.chaos.Event;

/**
 * Watches the running system from a background thread: every ~15 ms it reads every reachable
 * node's {@code GET /state} (concurrently) and, if asked to, the primary's and the backup's books
 * just before and just after. Tests then ask the history questions a single poll cannot answer:
 * was a lamp ever lit that the replicas did not hold, did a lamp go dark before a car opened its
 * door at that floor, did a car ever stand at a floor with its door open.
 */
final class Recorder implements AutoCloseable {
  /** Slack for comparing one node's sample with another process's (nodes are read concurrently, not atomically). */
  static final Duration SKEW = Duration.ofSeconds(1);

  /** The books of the view's primary and backup, read just before and just after the nodes. */
  record Books(long viewnum, String primary, String backup, Set<Call> primaryBefore, Set<Call> primaryAfter,
      Set<Call> backupBefore, Set<Call> backupAfter) {
    boolean primaryHeld(Call c) {
      return primaryBefore.contains(c) || primaryAfter.contains(c);
    }

    boolean backupHeld(Call c) {
      return backup == null || backupBefore.contains(c) || backupAfter.contains(c);
    }
  }

  /** One look at the system: nodes read between {@code startedAt} and {@code at} (System.nanoTime). */
  record Sample(long startedAt, long at, Map<String, NodeView> nodes, Books books) {
    boolean doorOpenAt(int floor, String by) {
      return nodes.values().stream().anyMatch(n -> n.doorOpenAt(floor) && (by == null || by.equals(n.id())));
    }
  }

  private final SystemUnderTest sys;
  private final boolean withBooks;
  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile int failures;

  private Recorder(SystemUnderTest sys, boolean withBooks) {
    this.sys = sys;
    this.withBooks = withBooks;
    this.thread = new Thread(this::loop, "recorder");
    thread.setDaemon(true);
  }

  /** Records nodes and the replicas' books (the view service and the replicas must stay reachable). */
  static Recorder withBooks(SystemUnderTest sys) {
    return start(new Recorder(sys, true));
  }

  /** Records nodes only (for tests that freeze or kill the controller). */
  static Recorder nodesOnly(SystemUnderTest sys) {
    return start(new Recorder(sys, false));
  }

  private static Recorder start(Recorder r) {
    r.thread.start();
    SystemUnderTest.await("first sample").until(() -> !r.samples.isEmpty());
    return r;
  }

  static long now() {
    return System.nanoTime();
  }

  private void loop() {
    while (running) {
      try {
        Books before = withBooks ? books(null) : null;
        long startedAt = now();
        Map<String, NodeView> nodes = nodes();
        long at = now();
        Books books = withBooks ? books(before) : null;
        if (!withBooks || books != null) samples.add(new Sample(startedAt, at, nodes, books));
        Thread.sleep(15);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // Future.await() rethrows a refused connection (a checked exception) as is: count it too,
        // or the recorder thread dies and the history silently stops.
        failures++;
      }
    }
  }

  /** Every reachable node that answers (a node being killed or restarted is simply absent). */
  private Map<String, NodeView> nodes() {
    List<String> ids = sys.reachableElevators();
    List<Future<JsonObject>> states = ids.stream().map(id -> sys.getAsync(id, "/state")).toList();
    Map<String, NodeView> out = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      try {
        out.put(ids.get(i), NodeView.of(states.get(i).await()));
      } catch (Exception e) { // a node restarting refuses connections: absent from this sample
        failures++;
      }
    }
    return out;
  }

  /** The books of the view's primary and backup; the second read must see the same view, else null. */
  private Books books(Books before) {
    JsonObject view = sys.view();
    String primary = view.getString("primary");
    String backup = view.getString("backup");
    long viewnum = view.getLong("viewnum");
    if (primary == null) return null;
    Future<JsonObject> p = sys.getAsync(primary, "/orders");
    Future<JsonObject> b = backup == null ? Future.succeededFuture(null) : sys.getAsync(backup, "/orders");
    Set<Call> pc = SystemUnderTest.book(p.await()).calls();
    JsonObject bj = b.await();
    Set<Call> bc = bj == null ? Set.of() : SystemUnderTest.book(bj).calls();
    if (before == null) return new Books(viewnum, primary, backup, pc, Set.of(), bc, Set.of());
    if (before.viewnum() != viewnum) return null;
    return new Books(viewnum, primary, backup, before.primaryBefore(), pc, before.backupBefore(), bc);
  }

  /** Samples whose nodes were read entirely after {@code mark}. */
  List<Sample> since(long mark) {
    return samples.stream().filter(s -> s.startedAt() >= mark).toList();
  }

  Sample latest() {
    return samples.get(samples.size() - 1);
  }

  boolean seen(long mark, Predicate<Sample> p) {
    return since(mark).stream().anyMatch(p);
  }

  Optional<Sample> first(long mark, Predicate<Sample> p) {
    return since(mark).stream().filter(p).findFirst();
  }

  /** True once every one of {@code nodes} has shown {@code call} lit in some sample after {@code mark}. */
  boolean seenLitOnAll(long mark, Call call, List<String> nodes) {
    Set<String> shown = new HashSet<>();
    since(mark).forEach(s -> s.nodes().values().forEach(n -> {
      if (n.lit(call)) shown.add(n.id());
    }));
    return shown.containsAll(nodes);
  }

  /** True once a car ({@code by}, or any if null) stood at {@code floor} with its door open after {@code mark}. */
  boolean seenDoorOpen(long mark, int floor, String by) {
    return seen(mark, s -> s.doorOpenAt(floor, by));
  }

  /** Cars seen with the door open at {@code floor} after {@code mark}. */
  Set<String> doorOpenedBy(long mark, int floor) {
    Set<String> ids = new HashSet<>();
    since(mark).forEach(s -> s.nodes().values().forEach(n -> {
      if (n.doorOpenAt(floor)) ids.add(n.id());
    }));
    return ids;
  }

  /** Waits until a sample begun after now is recorded (so history covers everything up to now). */
  void awaitFreshSample() {
    long mark = now();
    SystemUnderTest.await("a fresh sample").until(() -> !since(mark).isEmpty());
  }

  /**
   * Invariant 1 at the panel: whenever a node showed a lamp lit, the primary and the backup held
   * that call (read just before or just after the node, so a call committed in between is not a
   * false alarm). A lamp still lit up to {@link #SKEW} after both last held the call is a lamp
   * going dark late after the call was served (pushes reach the nodes every ~200 ms), not a
   * lamp lit before the call was safe, so it is allowed. A call the backup holds and the primary
   * no longer does counts as held by both until then (a serve on its way to the backup).
   */
  void assertLitOnlyWhenHeldByPrimaryAndBackup(long mark) {
    List<String> violations = new ArrayList<>();
    Map<Call, Long> lastHeldByBoth = new HashMap<>();
    int checked = 0;
    for (Sample s : since(mark)) {
      if (s.books() == null) continue;
      for (Call c : s.books().primaryBefore()) {
        if (s.books().backupHeld(c)) lastHeldByBoth.put(c, s.at());
      }
      for (Call c : s.books().primaryAfter()) {
        if (s.books().backupHeld(c)) lastHeldByBoth.put(c, s.at());
      }
      // The backup holds only what the primary forwarded, and the primary forwards a call after
      // adding it and a serve after removing it: a call in the backup's book and not the primary's
      // is a serve on its way (the primary took it first). A call that lives shorter than one
      // sampling period is never seen in both books at once; its "served" push is still on its way.
      for (Call c : s.books().backupBefore()) {
        if (!s.books().primaryHeld(c)) lastHeldByBoth.put(c, s.at());
      }
      for (NodeView n : s.nodes().values()) {
        for (Call c : n.lit()) {
          checked++;
          boolean heldNow = s.books().primaryHeld(c) && s.books().backupHeld(c);
          Long heldAt = lastHeldByBoth.get(c);
          boolean servedJustBefore = heldAt != null && heldAt >= s.startedAt() - SKEW.toNanos();
          if (!heldNow && !servedJustBefore) {
            violations.add(n.id() + " showed " + c + " lit while primary " + s.books().primary() + " held "
                + s.books().primaryBefore() + "/" + s.books().primaryAfter() + " and backup " + s.books().backup() + " held "
                + s.books().backupBefore() + "/" + s.books().backupAfter());
          }
        }
      }
    }
    assertThat(checked).as("lit lamps observed with the books").isPositive();
    assertThat(violations).as("lamps lit that the primary and backup did not hold").isEmpty();
  }

  /**
   * A lamp goes dark only because its call was served: each time {@code call}'s lamp went from
   * lit to dark on a node (every node for a hall call, its own car for a cab call), a car (the
   * right one for a cab call) was seen with its door open at that floor after {@code mark} and no
   * later than {@link #SKEW} after the lamp went dark. Also requires the lamp to have been seen
   * lit and to be dark at the end.
   */
  void assertDarkOnlyWhenServed(Call call, long mark) {
    String by = call instanceof Call.Cab c ? c.elevator() : null;
    awaitFreshSample(); // the caller just saw the lamps dark with its own poll; the history must include that
    List<Long> darkAt = new ArrayList<>();
    Map<String, Boolean> lit = new LinkedHashMap<>();
    for (Sample s : since(mark)) {
      for (NodeView n : s.nodes().values()) {
        if (by != null && !by.equals(n.id())) continue;
        boolean now = n.lit(call);
        if (!now && Boolean.TRUE.equals(lit.get(n.id()))) darkAt.add(s.at());
        lit.put(n.id(), now);
      }
    }
    assertThat(darkAt).as("%s seen going dark after being lit", call).isNotEmpty();
    assertThat(lit).as("%s dark everywhere at the end", call).doesNotContainValue(true);
    long lastDark = darkAt.stream().mapToLong(Long::longValue).max().orElseThrow();
    SystemUnderTest.await("history past the last dark lamp").until(() -> latest().startedAt() > lastDark + SKEW.toNanos());
    List<Sample> history = since(mark);
    for (long dark : darkAt) {
      boolean served = history.stream().anyMatch(s -> s.startedAt() <= dark + SKEW.toNanos() && s.doorOpenAt(call.floor(), by));
      assertThat(served).as("%s went dark only after %s opened its door at floor %d", call, by == null ? "a car" : by, call.floor())
          .isTrue();
    }
  }

  /**
   * This history since {@code mark} as the chaos checker's events (each node's lamps as they change,
   * its car when first seen, a node missing from a sample as unreachable), in milliseconds since
   * {@code mark}: so the end-to-end tests check a property with the same code as the chaos runs
   * ({@link org.paternoster.system.chaos.HistoryProperty}).
   */
  List<Event> events(long mark) {
    List<Event> out = new ArrayList<>();
    Map<String, Set<String>> lastLit = new HashMap<>();
    Set<String> missing = new HashSet<>();
    for (Sample s : since(mark)) {
      long t = (s.startedAt() - mark) / 1_000_000;
      for (String id : lastLit.keySet()) {
        if (!s.nodes().containsKey(id) && missing.add(id)) out.add(new Event.Reachable(t, id, false));
      }
      for (NodeView n : s.nodes().values()) {
        if (missing.remove(n.id())) out.add(new Event.Reachable(t, n.id(), true));
        Set<String> now = new HashSet<>();
        n.hallLights().forEach(h -> now.add(Calls.hall(h.floor(), h.direction())));
        n.cabLights().forEach(c -> now.add(Calls.cab(n.id(), c.floor())));
        Set<String> before = lastLit.get(n.id());
        if (before == null) {
          out.add(new Event.Car(t, n.id(), n.floor() == null ? -1 : n.floor(), n.behaviour(), n.direction(), n.online()));
          before = Set.of();
        }
        for (String c : now) if (!before.contains(c)) out.add(new Event.Light(t, n.id(), c, true));
        for (String c : before) if (!now.contains(c)) out.add(new Event.Light(t, n.id(), c, false));
        lastLit.put(n.id(), now);
      }
    }
    return out;
  }

  /** Milliseconds from {@code mark} to the latest sample (the end of {@link #events}). */
  long endMs(long mark) {
    return (latest().startedAt() - mark) / 1_000_000;
  }

  int failures() {
    return failures;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
