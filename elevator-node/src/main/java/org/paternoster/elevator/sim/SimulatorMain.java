package org.paternoster.elevator.sim;

import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import org.paternoster.time.MonotonicClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/simulator.sh}: a stand-alone elevator simulator speaking the TTK4145 protocol,
 * with an HTTP control port. Runs until killed.
 */
@Command(name = "simulator.sh", description = "Simulated elevator speaking the TTK4145 elevator-server protocol.")
public final class SimulatorMain implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = "--port", description = "TCP port of the elevator server (default ${DEFAULT-VALUE})")
  int port = 15657;

  @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(names = "--floors", description = "number of floors, 2..9 (default ${DEFAULT-VALUE})")
  int floors = 4;

  @Option(names = "--http-port", description = "HTTP control port; 0 picks a free one, -1 disables (default ${DEFAULT-VALUE})")
  int httpPort = 0;

  @Option(names = "--seed", description = "seed of the random start position (default: time)")
  Long seed;

  @Option(names = "--start-floor", description = "start on this floor instead of a random position")
  Integer startFloor;

  @Option(names = "--floor-time-ms", description = "floor-to-floor travel time (default ${DEFAULT-VALUE}); 1/5 of it on the sensor")
  long floorTimeMs = 2500;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = new CommandLine(new SimulatorMain()).execute(args);
    if (code != 0) System.exit(code);
  }

  @Override
  public Integer call() {
    SimulatorConfig config = config();
    if (port < 0 || port > 65535 || httpPort < -1 || httpPort > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "ports must be 0..65535");
    }
    Vertx vertx = Vertx.vertx(org.paternoster.metrics.ProcessMetrics.options());
    EmbeddedSimulator sim;
    try {
      sim = EmbeddedSimulator.start(vertx, config, host, port, httpPort, new MonotonicClock()).await();
    } catch (RuntimeException e) {
      spec.commandLine().getErr().printf("simulator: cannot listen on %s:%d: %s%n", host, port, e.getMessage());
      vertx.close();
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
    spec.commandLine().getOut().printf("simulator: %d floors, elevator server %s:%d, http %s%n",
        config.floors(), host, sim.port(),
        sim.httpPort() == EmbeddedSimulator.NO_HTTP ? "off" : "http://" + host + ":" + sim.httpPort());
    spec.commandLine().getOut().flush();
    return 0;
  }

  private SimulatorConfig config() {
    if (floorTimeMs < 10) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--floor-time-ms must be at least 10");
    }
    try {
      return new SimulatorConfig(floors, floorTimeMs / 5, floorTimeMs - floorTimeMs / 5, 200,
          seed != null ? seed : System.nanoTime(), startFloor);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
