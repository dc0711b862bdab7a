package org.paternoster.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.system.e2e.SystemUnderTest.FLOORS;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.testing.ChildProcesses;

/** An elevator node's own machine failing, or cut off from the controller: the edge keeps its promises. */
class NodeFaultsIT {
  static final List<String> CARS = List.of("e1", "e2");

  @RegisterExtension final ChildProcesses children = new ChildProcesses();
  @TempDir Path data;

  /** The floor farthest from {@code floor}. */
  static int farFrom(int floor) {
    return floor < FLOORS / 2 ? FLOORS - 1 : 0;
  }

  /**
   * Scenario 5: kill -9 of a node with a cab call lit; restarted with the same id and data
   * directory, it shows the cab call lit again and its car goes there.
   */
  @Test
  void nodeKilledWithACabCallLitServesItAfterRestart() {
    try (SystemUnderTest sys = SystemUnderTest.start(children::start, data, "node-kill", 2, CARS.toArray(String[]::new))) {
      sys.awaitQuiet();
      // the simulator is seeded: the restarted car starts where this one started, so the call is away from there
      Call.Cab call = Call.cab("e1", farFrom(sys.node("e1").floor()));
      sys.press("e1", call);
      sys.until("lit on e1", () -> sys.node("e1").lit(call));
      sys.kill9("e1");
      assertThat(sys.primaryBook().calls()).as("the controller holds the cab call of the dead car").contains(call);

      try (Recorder rec = Recorder.nodesOnly(sys)) {
        long mark = Recorder.now();
        sys.restart("e1");
        sys.until("e1 back, its cab call lit", () -> sys.node("e1").lit(call));
        sys.until("e1 opens its door at floor " + call.floor(), () -> rec.seenDoorOpen(mark, call.floor(), "e1"));
        sys.until("dark, gone from the book", () -> !sys.node("e1").lit(call) && !sys.primaryBook().calls().contains(call));
        rec.assertDarkOnlyWhenServed(call, mark);
      }
      sys.awaitQuiet();
    }
  }

  /**
   * Scenario 5, from the disk alone: the node is killed with a cab call lit and restarts while the
   * whole controller is frozen, so nothing but its data directory can tell it about the call. It
   * shows the call lit while offline and serves it; the controller, back, learns it was served.
   */
  @Test
  void cabCallSurvivesANodeRestartWhileTheControllerIsDown() {
    try (SystemUnderTest sys = SystemUnderTest.start(children::start, data, "node-disk", 2, CARS.toArray(String[]::new))) {
      sys.awaitQuiet();
      Call.Cab call = Call.cab("e1", farFrom(sys.node("e1").floor()));
      sys.press("e1", call);
      sys.until("lit on e1", () -> sys.node("e1").lit(call));
      sys.kill9("e1");
      assertThat(Files.exists(data.resolve("e1"))).as("e1's data directory").isTrue();
      JsonObject view = sys.view();
      sys.sigstop(view.getString("backup"));
      sys.sigstop(view.getString("primary"));

      try (Recorder rec = Recorder.nodesOnly(sys)) {
        long mark = Recorder.now();
        sys.restart("e1");
        sys.until("e1 back, offline, its cab call lit from disk", () -> {
          NodeView e1 = sys.node("e1");
          return !e1.online() && e1.lit(call);
        });
        sys.until("e1 opens its door at floor " + call.floor(), () -> rec.seenDoorOpen(mark, call.floor(), "e1"));
        sys.until("dark", () -> !sys.node("e1").lit(call));
        rec.assertDarkOnlyWhenServed(call, mark);
        assertThat(rec.since(mark)).as("e1 was offline throughout").allMatch(s -> !s.nodes().containsKey("e1") || !s.nodes().get("e1").online());
      }
      sys.sigcont(view.getString("primary"));
      sys.sigcont(view.getString("backup"));
      sys.awaitQuiet();
    }
  }

  /**
   * Scenario 6: every replica frozen, the nodes go offline. They keep every lamp lit, serve every
   * call they show, and take a new cab call (lit at once, served). Calls taken while offline that
   * cannot be served yet (a car with a dead motor) are re-submitted when the controller returns:
   * the hall call lights on every panel and another car serves it.
   */
  @Test
  void disconnectedNodesServeWhatTheyShowTakeCabCallsAndResubmitOnReconnect() {
    try (SystemUnderTest sys = SystemUnderTest.start(children::start, data, "offline", 2, CARS.toArray(String[]::new))) {
      sys.awaitQuiet();
      try (Recorder rec = Recorder.nodesOnly(sys)) {
        long mark = Recorder.now();
        // Hold both cars at their floors, doors open: what is lit now cannot be served before the link goes.
        for (String car : CARS) {
          sys.fault(car, new JsonObject().put("obstruction", true));
          sys.press(car, Call.cab(car, sys.node(car).floor()));
        }
        sys.until("both doors held open", () -> sys.nodes().values().stream().allMatch(n -> n.doorOpen() && n.obstruction()));
        Call.Cab cab1 = Call.cab("e1", farFrom(sys.node("e1").floor()));
        Call.Cab cab2 = Call.cab("e2", farFrom(sys.node("e2").floor()));
        int hallFloor = sys.floorsWithoutCar().get(0);
        Call.Hall hall = Call.hall(hallFloor, hallFloor == FLOORS - 1 ? "down" : "up");
        sys.press("e1", cab1);
        sys.press("e2", cab2);
        sys.press("e2", hall);
        sys.until("lit", () -> sys.node("e1").lit(cab1) && sys.node("e2").lit(cab2)
            && sys.nodes().values().stream().allMatch(n -> n.lit(hall)));

        JsonObject view = sys.view();
        String primary = view.getString("primary");
        String backup = view.getString("backup");
        sys.sigstop(backup);
        sys.sigstop(primary);
        sys.until("both nodes offline", () -> sys.nodes().values().stream().noneMatch(NodeView::online));
        assertThat(sys.node("e1").lit()).as("e1's lamps offline").contains(cab1, hall);
        assertThat(sys.node("e2").lit()).as("e2's lamps offline").contains(cab2, hall);

        // Offline, they serve what they show.
        long offline = Recorder.now();
        for (String car : CARS) sys.fault(car, new JsonObject().put("obstruction", false));
        sys.until("offline cars serve every lit call", () ->
            sys.nodes().values().stream().allMatch(n -> n.lit().isEmpty() && n.idle()));
        for (Call c : List.of(cab1, cab2, hall)) rec.assertDarkOnlyWhenServed(c, mark);
        assertThat(rec.since(offline)).as("still offline").allMatch(s -> s.nodes().values().stream().noneMatch(NodeView::online));

        // Offline, a new cab call lights at once and is served.
        Call.Cab cab3 = Call.cab("e1", farFrom(sys.node("e1").floor()));
        long pressed = Recorder.now();
        sys.press("e1", cab3);
        sys.until("cab call lit offline", () -> rec.seen(pressed, s -> {
          NodeView e1 = s.nodes().get("e1");
          return e1 != null && e1.lit(cab3) && !e1.online();
        }));
        sys.until("served offline", () -> rec.seenDoorOpen(pressed, cab3.floor(), "e1") && !sys.node("e1").lit(cab3));
        rec.assertDarkOnlyWhenServed(cab3, pressed);

        // Offline, calls the car cannot serve yet (motor dead): a cab call and a hall call at its own panel.
        sys.fault("e2", new JsonObject().put("motor", "cut"));
        int e2At = sys.node("e2").floor();
        Call.Cab stuck = Call.cab("e2", farFrom(e2At));
        int takenFloor = e2At == 0 ? 1 : e2At - 1;
        Call.Hall taken = Call.hall(takenFloor, takenFloor == FLOORS - 1 ? "down" : "up");
        long resubmit = Recorder.now();
        sys.press("e2", stuck);
        sys.press("e2", taken);
        sys.until("e2 shows both lit, offline", () -> {
          NodeView e2 = sys.node("e2");
          return !e2.online() && e2.lit(stuck) && e2.lit(taken);
        });
        assertThat(sys.node("e1").lit(taken)).as("e1 cannot know of a hall call taken at e2 while offline").isFalse();

        // Reconnected: online again, both calls re-submitted; the hall call lights on e1 and e1 serves it.
        sys.sigcont(primary);
        sys.sigcont(backup);
        sys.until("both nodes online", () -> sys.nodes().values().stream().allMatch(NodeView::online));
        sys.until("e2's cab call re-submitted", () -> sys.primaryBook().calls().contains(stuck));
        sys.until("the hall call taken offline lit on every panel", () -> rec.seenLitOnAll(resubmit, taken, CARS));
        sys.until("e1 serves it", () -> rec.seenDoorOpen(resubmit, taken.floor(), "e1")
            && sys.nodes().values().stream().noneMatch(n -> n.lit(taken)));
        rec.assertDarkOnlyWhenServed(taken, resubmit);
        assertThat(sys.node("e2").lit(stuck)).as("e2's cab call still lit (motor dead)").isTrue();

        sys.fault("e2", new JsonObject().put("motor", "restore"));
        sys.until("e2 serves its cab call", () -> rec.seenDoorOpen(resubmit, stuck.floor(), "e2") && !sys.node("e2").lit(stuck));
        rec.assertDarkOnlyWhenServed(stuck, resubmit);
        sys.awaitQuiet();
      }
    }
  }
}
