package org.paternoster.elevator.node;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paternoster.assign.Behaviour;
import org.paternoster.elevator.fsm.ElevatorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The car's last door openings, numbered from 1 for the life of the process, for {@code GET /state}:
 * an outside observer that polls can miss a door that was open for less than its polling gap, but
 * not an entry here (it keeps the last {@value #KEEP}). Fed every state change; counts an opening
 * when the door goes from shut to open, or opens at another floor.
 *
 * <p>Each opening is also written to the process log as one line ({@link #line}), synchronously:
 * the record outlives the process, so a node killed a moment after its door opened still leaves
 * the evidence of that service (the chaos checker reads it back with {@link #parse}).
 */
public final class DoorLog {
  static final int KEEP = 16;
  private static final Logger LOG = LoggerFactory.getLogger("org.paternoster.elevator.doors");
  private static final Pattern LINE = Pattern.compile("door opened floor=(-?\\d+|null) opening=(\\d+) epochMs=(\\d+)");

  /** One logged opening: the floor ({@code null} if unknown), its number, the wall-clock time. */
  public record Opening(Integer floor, long n, long epochMs) {}

  private final Deque<JsonObject> recent = new ArrayDeque<>();
  private final LongSupplier wallClockMs;
  private long openings;
  private boolean open;
  private Integer floor; // null until a floor sensor has fired

  /** {@code wallClockMs}: milliseconds since the epoch, for the log line only (never for timing). */
  DoorLog(LongSupplier wallClockMs) {
    this.wallClockMs = wallClockMs;
  }

  void onState(ElevatorState state) {
    boolean nowOpen = state.behaviour() == Behaviour.DOOR_OPEN;
    if (nowOpen && (!open || !Objects.equals(state.floor(), floor))) {
      recent.addLast(new JsonObject().put("n", ++openings).put("floor", state.floor()));
      if (recent.size() > KEEP) recent.removeFirst();
      LOG.info(line(new Opening(state.floor(), openings, wallClockMs.getAsLong())));
    }
    open = nowOpen;
    floor = state.floor();
  }

  /** {@code [{"n":41,"floor":2}, ...]}, oldest first. */
  JsonArray json() {
    JsonArray out = new JsonArray();
    recent.forEach(o -> out.add(o.copy()));
    return out;
  }

  /** The log message for {@code o}: {@code door opened floor=2 opening=41 epochMs=1764500000000}. */
  static String line(Opening o) {
    return "door opened floor=" + o.floor() + " opening=" + o.n() + " epochMs=" + o.epochMs();
  }

  /** The opening a log line (any format that keeps the message intact) records, if it records one. */
  public static Optional<Opening> parse(String logLine) {
    Matcher m = LINE.matcher(logLine);
    if (!m.find()) return Optional.empty();
    Integer floor = m.group(1).equals("null") ? null : Integer.valueOf(m.group(1));
    return Optional.of(new Opening(floor, Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
  }
}
