package org.paternoster.system.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.paternoster.elevator.node.DoorLog;

/**
 * The door openings each elevator node wrote to its log ({@code OUT/logs/NODE.log}, across all its
 * restarts), as {@link Event.DoorLogged} on the run's clock. A log line is written before the node
 * reports the service, and a killed process's written lines stay in the file: this is the evidence
 * of a service that no poll saw. Assumes the nodes and the runner share one wall clock (one machine;
 * no clock step during the run).
 */
final class NodeDoorLogs {
  private NodeDoorLogs() {}

  /** Every logged opening with a known floor, for {@code nodes}, in time order; missing logs are skipped. */
  static List<Event> read(Path logs, List<String> nodes, long startEpochMs) throws IOException {
    List<Event> out = new ArrayList<>();
    for (String node : nodes) {
      Path file = logs.resolve(node + ".log");
      if (!Files.exists(file)) continue;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        DoorLog.parse(line).filter(o -> o.floor() != null)
            .ifPresent(o -> out.add(new Event.DoorLogged(o.epochMs() - startEpochMs, node, o.floor())));
      }
    }
    out.sort(Comparator.comparingLong(Event::t));
    return out;
  }

  /**
   * {@code events} with the logged openings in place of any it already holds (so a history read
   * back from disk and its logs merge to the same list twice), in time order, stable.
   */
  static List<Event> merged(List<Event> events, List<Event> logged) {
    List<Event> all = new ArrayList<>(events.size() + logged.size());
    for (Event e : events) if (!(e instanceof Event.DoorLogged)) all.add(e);
    all.addAll(logged);
    all.sort(Comparator.comparingLong(Event::t));
    return all;
  }
}
