package org.paternoster.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A recorded history reads back into the events that printed it, so it can be checked again. */
class HistoryFileTest {
  @Test
  void everyKindOfEventReadsBackAsPrinted() {
    List<Event> events = List.of(
        new Event.Press(1, "e1", "hall:2:down"),
        new Event.Light(2, "e2", "cab:e2:3", true),
        new Event.Car(3, "e3", 1, "doorOpen", "down", false),
        new Event.DoorLogged(3, "e2", 0),
        new Event.Reachable(4, "r1", false),
        new Event.ViewSeen(5, 3, "r2", null, true),
        new Event.ViewEntry(6, 4, "r1", "r2", "primary dead", 600L),
        new Event.ViewEntry(7, 5, "r1", null, "backup joined", null),
        new Event.Orders(8, "r1", "primary", 5, Set.of("hall:1:up", "cab:e1:2")),
        new Event.Orders(9, "r2", "idle", 5, Set.of()),
        new Event.Ack(10, "r1", 5, 1_000_000_000_004L, "hall:2:down"),
        new Event.Fault(11, 4, "dup-reorder", Set.of("r1"), "45% of messages to r1 duplicated, all held 0-199 ms", true));
    for (Event e : events) assertThat(HistoryFile.parse(e.toString())).as(e.toString()).isEqualTo(e);
  }

  @Test
  void aLineThatIsNoEventIsRefusedByName() {
    assertThatThrownBy(() -> HistoryFile.parse("Nonsense[t=1]")).hasMessageContaining("Nonsense");
    assertThatThrownBy(() -> HistoryFile.parse("Press[t=1, call=x]")).hasMessageContaining("node");
  }
}
