package org.paternoster.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.system.e2e.SystemUnderTest.FLOORS;
import static org.paternoster.system.e2e.SystemUnderTest.VIEW_SERVICE;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.testing.ChildProcesses;

/** The controller failing under the cars: a lit lamp is a promise the next primary keeps. */
class ControllerFaultsIT {
  @RegisterExtension final ChildProcesses children = new ChildProcesses();
  @TempDir Path data;

  /** Scenario 2: kill -9 of the primary right after several hall and cab calls lit: every one is served. */
  @Test
  void killingThePrimaryWhileCallsArePendingLosesNoLitCall() {
    try (SystemUnderTest sys = SystemUnderTest.start(children::start, data, "kill-primary", 3, "e1", "e2")) {
      sys.awaitQuiet();
      Map<String, NodeView> at = sys.nodes();
      List<Call> calls = new ArrayList<>();
      for (int f : sys.floorsWithoutCar()) {
        if (f < FLOORS - 1) calls.add(Call.hall(f, "up"));
        if (f > 0) calls.add(Call.hall(f, "down"));
      }
      at.values().forEach(n -> calls.add(Call.cab(n.id(), n.floor() < FLOORS / 2 ? FLOORS - 1 : 0)));
      try (Recorder rec = Recorder.nodesOnly(sys)) {
        long mark = Recorder.now();
        for (int i = 0; i < calls.size(); i++) {
          Call c = calls.get(i);
          sys.press(c instanceof Call.Cab cab ? cab.elevator() : i % 2 == 0 ? "e1" : "e2", c);
        }
        sys.until("every call lit", () -> calls.stream()
            .allMatch(c -> rec.seenLitOnAll(mark, c, c instanceof Call.Cab cab ? List.of(cab.elevator()) : List.of("e1", "e2"))));
        JsonObject view = sys.view();
        String primary = view.getString("primary");
        Set<Call> lit = new LinkedHashSet<>();
        sys.nodes().values().forEach(n -> lit.addAll(n.lit()));
        sys.kill9(primary);

        assertThat(lit).as("calls lit when the primary died").hasSizeGreaterThanOrEqualTo(3);
        sys.until("a new primary", () -> {
          JsonObject v = sys.view();
          return !primary.equals(v.getString("primary")) && v.getBoolean("acked");
        });
        sys.until("every lit call served, the new primary's book empty", () ->
            sys.nodes().values().stream().allMatch(n -> n.lit().isEmpty()) && sys.primaryBook().calls().isEmpty());
        for (Call c : lit) rec.assertDarkOnlyWhenServed(c, mark);
        sys.awaitReady();
        assertThat(sys.nodes().values()).as("cars follow the new view").allMatch(n -> n.viewnum() > view.getLong("viewnum"));
      }
    }
  }

  /**
   * Lamps light only once the backup holds the call: with the backup (and the view service)
   * frozen the primary takes the press but cannot commit it, and no panel lights it (its lease
   * also runs out, so it stops pushing and the cars go offline); once both answer again, every
   * panel lights it and a car serves it.
   */
  @Test
  void noLampLightsWhileTheBackupCannotHoldTheCall() {
    try (SystemUnderTest sys = SystemUnderTest.start(children::start, data, "stalled-backup", 2, "e1", "e2")) {
      sys.awaitQuiet();
      // e1's order client learns the view while the view service answers (see OrderClient.learnPrimary)
      Call.Cab warmUp = Call.cab("e1", sys.node("e1").floor());
      sys.press("e1", warmUp);
      sys.until("e1 served its cab call here", () -> sys.primaryBook().calls().isEmpty() && !sys.node("e1").lit(warmUp));
      sys.awaitQuiet();
      int floor = sys.floorsWithoutCar().get(0);
      Call.Hall call = Call.hall(floor, floor == FLOORS - 1 ? "down" : "up");
      JsonObject view = sys.view();
      String primary = view.getString("primary");
      String backup = view.getString("backup");
      try (Recorder rec = Recorder.nodesOnly(sys)) {
        sys.sigstop(VIEW_SERVICE);
        sys.sigstop(backup);
        long mark = Recorder.now();
        sys.press("e1", call);
        sys.until("the primary took the press", () -> sys.book(primary).calls().contains(call));
        long uncommittable = Duration.ofMillis(1_500).toNanos();
        sys.until("1.5 s with the backup frozen", () -> rec.latest().startedAt() > mark + uncommittable);
        assertThat(rec.since(mark)).as("panels while the backup is frozen").isNotEmpty().allSatisfy(s -> {
          assertThat(s.nodes()).hasSize(2);
          s.nodes().values().forEach(n ->
              assertThat(n.lit(call)).as("%s shows %s lit before the backup holds it", n.id(), call).isFalse());
        });

        sys.sigcont(backup);
        sys.sigcont(VIEW_SERVICE);
        sys.until("lit on every panel", () -> rec.seenLitOnAll(mark, call, List.of("e1", "e2")));
        sys.until("dark everywhere, book empty", () ->
            sys.nodes().values().stream().noneMatch(n -> n.lit(call)) && sys.primaryBook().calls().isEmpty());
        rec.assertDarkOnlyWhenServed(call, mark);
      }
    }
  }

  /**
   * The view service crashes while primary, backup and cars run. Without it no lease can be
   * renewed (invariant 2: a primary that cannot renew may already be deposed), so the primary
   * stops acknowledging and pushing within 0.6 dead times and the cars go offline. A press is then
   * taken and served by the car whose panel it was pressed on, and no lamp goes dark unserved.
   */
  @Test
  void withTheViewServiceDownTheCarServesPressesItself() {
    try (SystemUnderTest sys = SystemUnderTest.start(children::start, data, "vs-down", 2, "e1", "e2")) {
      sys.awaitQuiet();
      int floor = sys.floorsWithoutCar().get(0);
      Call.Hall call = Call.hall(floor, floor == FLOORS - 1 ? "down" : "up");
      assertThat(sys.get("e1", "/health").getString("status")).isEqualTo("UP");
      assertThat(sys.get("e1", "/health").getString("hardware")).isEqualTo("connected");
      sys.kill9(VIEW_SERVICE);
      sys.until("every car offline: the primary's lease ran out", () -> sys.nodes().values().stream().noneMatch(n -> n.online()));
      // /health says what an operator needs: the car is offline, the replicas cannot reach the view service.
      JsonObject car = sys.get("e1", "/health");
      assertThat(car.getString("status")).isEqualTo("DEGRADED");
      assertThat(car.getBoolean("online")).isFalse();
      sys.until("the replicas' health says the view service is unreachable",
          () -> sys.replicas().stream().allMatch(r -> "unreachable".equals(sys.get(r, "/health").getString("viewService"))));
      try (Recorder rec = Recorder.nodesOnly(sys)) {
        long mark = Recorder.now();
        sys.press("e1", call);
        sys.until("served by e1", () -> rec.seenDoorOpen(mark, floor, "e1") && !sys.node("e1").lit(call));
        rec.assertDarkOnlyWhenServed(call, mark);
      }
    }
  }
}
