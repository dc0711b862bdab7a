package org.paternoster.dashboard.cluster;

/**
 * Whether the dashboard can reach one process it depends on (the view service, the primary).
 *
 * @param name who it is: "view service" or the primary's id
 * @param address its base URL, or null when unknown
 * @param reachable the latest attempt answered
 * @param error why the latest attempt failed, or null
 * @param lastSeenAt while unreachable, when it last answered (epoch ms, 0 = never); 0 while reachable
 */
public record Source(String name, String address, boolean reachable, String error, long lastSeenAt) {
  static Source of(String name, String address, Reading<?> reading) {
    boolean reachable = reading.reachable();
    return new Source(name, address, reachable, reading.error(), reachable ? 0 : reading.valueAt());
  }
}
