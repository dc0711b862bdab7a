package org.paternoster.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.system.e2e.SystemUnderTest.FLOORS;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.process.ChildProcess;

/**
 * The default dispatcher's advice reaching a car over real processes: the primary learns
 * up-peak from what the cars report (a car loading up at the lobby leaves with a cab call for
 * every floor above), and a car that then goes idle upstairs is sent back to the lobby by the
 * push alone, with no call lit anywhere (docs/DISPATCH.md, "In the product").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleCarParksIT {
  static final List<String> CARS = List.of("e1", "e2", "e3");

  SystemUnderTest sys;

  @BeforeAll
  void startSystem(@TempDir Path data) {
    sys = SystemUnderTest.start(ChildProcess::start, data, "parks", 2, CARS.toArray(String[]::new));
  }

  @AfterAll
  void stopSystem() {
    if (sys != null) sys.close();
  }

  @Test
  void aCarIdleUpstairsInUpPeakReturnsToTheLobbyWithNoCallLit() {
    sys.awaitQuiet();
    sys.park(0);
    // Every door is held open by its obstruction switch, so whichever car answers the lobby's up
    // call is still loading when its passengers press their floors.
    CARS.forEach(c -> sys.fault(c, new JsonObject().put("obstruction", true)));
    String loader;
    try {
      sys.press("e1", Call.hall(0, "up"));
      sys.until("a car opens at the lobby", () -> openAtLobby().isPresent());
      loader = openAtLobby().orElseThrow();
      for (int f = 1; f < FLOORS; f++) sys.press(loader, Call.cab(loader, f));
      sys.until("its passengers' floors are lit", () -> {
        NodeView n = sys.node(loader);
        for (int f = 1; f < FLOORS; f++) if (!n.lit(Call.cab(loader, f))) return false;
        return true;
      });
    } finally {
      CARS.forEach(c -> sys.fault(c, new JsonObject().put("obstruction", false)));
    }
    sys.until(loader + " has served every floor above and stands idle at the top", () -> {
      NodeView n = sys.node(loader);
      return n.floor() == FLOORS - 1 && n.lit().isEmpty();
    });
    sys.until(loader + " is back at the lobby, idle, its door shut", () -> {
      NodeView n = sys.node(loader);
      return n.floor() == 0 && n.idle();
    });
    assertThat(sys.nodes().values()).as("it went back on the dispatcher's word: no call was lit for it")
        .allSatisfy(n -> assertThat(n.lit()).isEmpty());
    assertThat(sys.primaryBook().calls()).isEmpty();
  }

  private Optional<String> openAtLobby() {
    return sys.nodes().values().stream().filter(n -> n.doorOpenAt(0)).map(NodeView::id).findFirst();
  }
}
