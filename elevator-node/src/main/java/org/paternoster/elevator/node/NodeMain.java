package org.paternoster.elevator.node;

import org.paternoster.process.Service;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.paternoster.discovery.Discovery;
import org.paternoster.discovery.DiscoveryOptions;
import org.paternoster.discovery.ViewServiceLocator;
import org.paternoster.http.Fields;
import org.paternoster.orders.Building;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.paternoster.security.ClusterAuth;
import org.paternoster.security.ClusterSecretOptions;
import picocli.CommandLine.Option;

/** {@code scripts/elevator.sh}: one elevator node, on real hardware or the built-in simulator. */
@Command(name = "elevator.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A Paternoster elevator node: drives one car and serves what the primary assigns it.")
public final class NodeMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(NodeMain.class);

  @Option(names = "--id", required = true, description = "elevator identity, 1-64 of [A-Za-z0-9._-]") String id;
  @Option(names = "--floors", defaultValue = "4", description = "floors (default: ${DEFAULT-VALUE})") int floors;

  static final class Car {
    @Option(names = "--hardware", paramLabel = "HOST:PORT", description = "an elevator server (TTK4145 protocol), e.g. 127.0.0.1:15657") String hardware;
    @Option(names = "--simulate", description = "run the car on the built-in simulator (the default)") boolean simulate;
  }

  @ArgGroup(exclusive = true) Car car = new Car();
  @Option(names = "--host", defaultValue = "127.0.0.1", description = "HTTP address (default: ${DEFAULT-VALUE})") String host;
  @Option(names = "--port", defaultValue = "7201", description = "HTTP port (default: ${DEFAULT-VALUE})") int port;
  @Option(names = "--advertise", paramLabel = "URL",
      description = "the URL other machines reach this node at, when it differs from http://HOST:PORT") String advertise;
  @Option(names = "--view-service", paramLabel = "URL", description = "view service URL; without it, found through discovery") String viewService;
  @Option(names = "--data-dir", paramLabel = "DIR", description = "where cab calls are kept durably") Path dataDir;
  @Option(names = "--seed", defaultValue = "0", description = "simulator seed (0: from the id)") long seed;
  @Option(names = "--time-scale", defaultValue = "1", description = "with --simulate: run the car N times faster (physics, door, watchdogs); for demos and tests") double timeScale;
  @Option(names = "--poll-ms", description = "poll the elevator server (buttons, sensors) every N ms, 1..100; a press waits half of it on average (default: 20 with --hardware, the course's timing; 10 on the built-in simulator)") Long pollMs;
  @Mixin DiscoveryOptions discovery;

  @Mixin ClusterSecretOptions clusterSecret;

  @Override
  public Integer call() {
    CommandLine cmd = new CommandLine(this);
    if (!Fields.isId(id)) throw new CommandLine.ParameterException(cmd, "--id must be 1-64 of [A-Za-z0-9._-]");
    if (floors < Building.MIN_FLOORS || floors > 9) throw new CommandLine.ParameterException(cmd, "--floors must be in 2..9");
    if (timeScale < 1 || timeScale > 20) throw new CommandLine.ParameterException(cmd, "--time-scale must be in 1..20");
    if (timeScale != 1 && car.hardware != null) throw new CommandLine.ParameterException(cmd, "--time-scale needs the simulator");
    if (pollMs != null && (pollMs < 1 || pollMs > 100)) throw new CommandLine.ParameterException(cmd, "--poll-ms must be in 1..100");
    if (viewService == null && !discovery.enabled()) throw new CommandLine.ParameterException(cmd, "--discovery none needs --view-service URL");
    String advertised;
    ClusterAuth auth;
    try {
      auth = clusterSecret.authFor(host);
      discovery.check(clusterSecret.secret());
      advertised = advertise == null ? null : org.paternoster.http.AdvertisedUrl.parse(advertise);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
    String address = advertised != null ? advertised : "http://" + host + ":" + port;
    Discovery found = discovery.start("elevator", id, address, clusterSecret.secret()).orElse(null);
    ViewServiceLocator locator = ViewServiceLocator.of(viewService, found);
    Path data = dataDir == null ? null : dataDir.resolve(id);
    NodeConfig config = car.hardware != null
        ? NodeConfig.onHardware(id, host, port, floors, car.hardware, locator, data)
        : NodeConfig.simulated(id, host, port, floors, seed != 0 ? seed : id.hashCode(), locator, data).timeScaled(timeScale);
    if (pollMs != null) config = config.withPollMs(pollMs);
    Service.run(new NodeVerticle(config.withAdvertise(advertised).withAuth(auth)), found);
    log.info("elevator node {} started", id);
    return 0;
  }

  static int run(String... args) {
    return new CommandLine(new NodeMain()).execute(args);
  }

  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) System.exit(code);
  }
}
