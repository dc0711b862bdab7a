package org.paternoster.dashboard.cluster;

import org.paternoster.assign.Standby;

import java.util.List;

/**
 * One elevator as a source reports it: the primary's {@code elevators} list or the node's own
 * {@code GET /state}. Any field a source does not send is null (the APIs are still growing), so
 * callers treat null as "unknown", never as false or zero.
 *
 * @param direction {@code "up"}, {@code "down"} or {@code "stop"}
 * @param behaviour {@code "idle"}, {@code "moving"} or {@code "doorOpen"}
 * @param unavailableReason why the car is out of hall assignment ({@code "motor"}, {@code "door"},
 *     {@code "offline"}), or null
 * @param floors the number of floors the node drives (from its light panel), or null
 * @param standby the dispatcher's advice the node follows (park floor, hold the doors), or null
 */
public record ElevatorReport(
    String id,
    String address,
    Integer floor,
    String direction,
    String behaviour,
    Boolean available,
    String unavailableReason,
    Boolean obstruction,
    Boolean online,
    Long lastReportAgeMs,
    List<Integer> cabCalls,
    List<HallButton> hallCalls,
    Integer floors,
    Standby standby) {

  public ElevatorReport {
    if (id == null) throw new IllegalArgumentException("elevator without id");
    cabCalls = cabCalls == null ? null : List.copyOf(cabCalls);
    hallCalls = hallCalls == null ? null : List.copyOf(hallCalls);
  }

  /**
   * This report with every field {@code node} knows first-hand taking precedence: the node is the
   * truth for where its car is and what its panel holds; the primary is the truth for
   * availability and the hall calls it assigned.
   */
  public ElevatorReport overlaidBy(ElevatorReport node) {
    return new ElevatorReport(id,
        first(node.address, address),
        first(node.floor, floor),
        first(node.direction, direction),
        first(node.behaviour, behaviour),
        first(available, node.available),
        first(unavailableReason, node.unavailableReason),
        first(node.obstruction, obstruction),
        first(node.online, online),
        first(lastReportAgeMs, node.lastReportAgeMs),
        first(node.cabCalls, cabCalls),
        first(hallCalls, node.hallCalls),
        first(node.floors, floors),
        first(node.standby, standby));
  }

  private static <T> T first(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }
}
