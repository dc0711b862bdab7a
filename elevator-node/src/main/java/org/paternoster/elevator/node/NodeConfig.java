package org.paternoster.elevator.node;

import org.paternoster.security.ClusterAuth;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.paternoster.elevator.fsm.FsmConfig;
import org.paternoster.elevator.hardware.DriverConfig;
import org.paternoster.elevator.sim.SimulatorConfig;

/**
 * How one elevator node runs: its car either on real hardware ({@code hardware} = HOST:PORT of an
 * elevator server) or on an in-process simulator ({@code simulator} non-null).
 */
public record NodeConfig(
    String id,
    String host,
    int port,
    int floors,
    String hardware,
    SimulatorConfig simulator,
    FsmConfig fsm,
    Supplier<String> viewServiceUrl,
    Path dataDir,
    long offlineAfterMs,
    long reportMs,
    long pollMs,
    String advertise,
    ClusterAuth auth) {

  /**
   * The built-in simulator is polled twice as often as the course's 20 ms: a press is seen 5 ms
   * sooner on average (button to light p50 14 -> 9 ms) for 0.7 % more of a core per idle node.
   */
  public static final long SIMULATOR_POLL_MS = 10;

  public static NodeConfig simulated(String id, String host, int port, int floors, long seed, Supplier<String> viewService, Path dataDir) {
    return new NodeConfig(id, host, port, floors, null, SimulatorConfig.defaults(floors, seed), FsmConfig.defaults(floors),
        viewService, dataDir, 1_000, 100, SIMULATOR_POLL_MS, null, ClusterAuth.open());
  }

  public static NodeConfig onHardware(String id, String host, int port, int floors, String hardware, Supplier<String> viewService, Path dataDir) {
    return new NodeConfig(id, host, port, floors, hardware, null, FsmConfig.defaults(floors), viewService, dataDir, 1_000, 100, DriverConfig.DEFAULT_POLL_MS, null, ClusterAuth.open());
  }

  /**
   * The simulated building {@code scale} times faster: car physics, door time and watchdogs
   * divided alike (button presses stay 200 ms: the driver polls every 20 ms). For demos and tests.
   */
  public NodeConfig timeScaled(double scale) {
    if (scale == 1) return this;
    SimulatorConfig sim = simulator.withTiming(Math.round(simulator.passFloorMs() / scale), Math.round(simulator.betweenFloorsMs() / scale));
    FsmConfig f = new FsmConfig(floors, Math.round(fsm.doorOpenMs() / scale), Math.round(fsm.motorTimeoutMs() / scale),
        Math.round(fsm.doorTimeoutMs() / scale), Math.round(fsm.maxHoldMs() / scale));
    return withTimings(sim, f);
  }

  /** The same node with other car timings (tests run a faster building). */
  public NodeConfig withTimings(SimulatorConfig simulator, FsmConfig fsm) {
    return new NodeConfig(id, host, port, floors, hardware, simulator, fsm, viewServiceUrl, dataDir, offlineAfterMs, reportMs, pollMs, advertise, auth);
  }

  /** The same node announced at {@code url} ({@code --advertise}) instead of http://HOST:PORT; null for the latter. */
  public NodeConfig withAdvertise(String url) {
    return new NodeConfig(id, host, port, floors, hardware, simulator, fsm, viewServiceUrl, dataDir, offlineAfterMs, reportMs, pollMs, url, auth);
  }

  /** The same node in a cluster with a secret: it signs what it sends and checks what it gets. */
  public NodeConfig withAuth(ClusterAuth clusterAuth) {
    return new NodeConfig(id, host, port, floors, hardware, simulator, fsm, viewServiceUrl, dataDir, offlineAfterMs, reportMs, pollMs, advertise, clusterAuth);
  }

  /** Where others reach this node: {@code --advertise}, else http://HOST:PORT. */
  public String address() {
    return advertise != null ? advertise : "http://" + host + ":" + port;
  }

  /** The same node polling its elevator server every {@code ms} milliseconds ({@code --poll-ms}). */
  public NodeConfig withPollMs(long ms) {
    return new NodeConfig(id, host, port, floors, hardware, simulator, fsm, viewServiceUrl, dataDir, offlineAfterMs, reportMs, ms, advertise, auth);
  }
}
