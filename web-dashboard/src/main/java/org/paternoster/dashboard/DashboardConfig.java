package org.paternoster.dashboard;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.paternoster.security.ClusterAuth;

/**
 * How one dashboard runs.
 *
 * @param port 0 picks a free port
 * @param viewServiceUrl asked before every poll: a fixed URL or discovery; null while unknown
 * @param control offer the button, fault and kill-primary actions (demo / simulation only)
 * @param floors floors in the building, unless the elevator nodes report their own count
 * @param pollMs how often every source is polled
 * @param timeoutMs how long a source may take to answer before it counts as unreachable
 * @param refreshMs an unchanged snapshot is pushed again after this long (ages keep counting)
 * @param killScript {@code scripts/kill-primary.sh}, run by the kill button
 * @param controlToken what a control request must carry ({@code Authorization: Bearer TOKEN}) when {@code control}
 * @param auth signs what the dashboard sends to the cluster's processes (button presses, faults)
 */
public record DashboardConfig(
    String host,
    int port,
    Supplier<String> viewServiceUrl,
    boolean control,
    int floors,
    long pollMs,
    long timeoutMs,
    long refreshMs,
    Path killScript,
    String controlToken,
    ClusterAuth auth) {

  public static final long DEFAULT_POLL_MS = 200;

  public DashboardConfig {
    if (pollMs < 1 || timeoutMs < 1 || refreshMs < 1) throw new IllegalArgumentException("intervals must be positive");
    if (floors < 2) throw new IllegalArgumentException("a building has at least 2 floors");
    if (control && (controlToken == null || controlToken.length() < 16)) {
      throw new IllegalArgumentException("control needs a token of at least 16 characters");
    }
  }
}
