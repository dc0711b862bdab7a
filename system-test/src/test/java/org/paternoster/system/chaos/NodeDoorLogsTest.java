package org.paternoster.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The door openings a node logged, across its restarts, on the run's clock. */
class NodeDoorLogsTest {
  @TempDir Path logs;

  @Test
  void everyLoggedOpeningOfEveryStartIsReadOnTheRunsClock() throws IOException {
    Files.writeString(logs.resolve("e1.log"), String.join("\n",
        "---- chaos: starting scripts/elevator.sh --id e1",
        "10:42:39.372 INFO  [vert.x-eventloop-thread-0] o.p.elevator.doors - door opened floor=2 opening=1 epochMs=100500",
        "10:42:39.400 INFO  [vert.x-eventloop-thread-0] o.p.elevator.doors - door opened floor=null opening=2 epochMs=100600",
        "---- chaos: starting scripts/elevator.sh --id e1",
        "{\"level\":\"INFO\",\"message\":\"door opened floor=0 opening=1 epochMs=101000\"}",
        "10:42:41.000 INFO  [vert.x-eventloop-thread-0] o.p.e.node.PrimaryLink - linked to primary"));
    Files.writeString(logs.resolve("e3.log"), "x door opened floor=3 opening=7 epochMs=100200\n");
    List<Event> read = NodeDoorLogs.read(logs, List.of("e1", "e2", "e3"), 100_000);
    assertThat(read).containsExactly(
        new Event.DoorLogged(200, "e3", 3), new Event.DoorLogged(500, "e1", 2), new Event.DoorLogged(1000, "e1", 0));
  }

  @Test
  void mergingTwiceGivesTheSameHistory() {
    List<Event> history = List.of(new Event.Reachable(100, "e1", true), new Event.Reachable(900, "e1", false));
    List<Event> logged = List.of(new Event.DoorLogged(500, "e1", 2));
    List<Event> once = NodeDoorLogs.merged(history, logged);
    assertThat(once).containsExactly(history.get(0), logged.get(0), history.get(1));
    assertThat(NodeDoorLogs.merged(once, logged)).isEqualTo(once);
  }
}
