package org.paternoster.replica;

import org.paternoster.metrics.ProcessMetrics;
import org.paternoster.process.Service;
import java.util.concurrent.Callable;
import org.paternoster.discovery.Discovery;
import org.paternoster.discovery.DiscoveryOptions;
import org.paternoster.discovery.ViewServiceLocator;
import org.paternoster.replica.http.ReplicaConfig;
import org.paternoster.replica.http.ReplicaVerticle;
import org.paternoster.security.ClusterSecretOptions;
import org.paternoster.time.LeaseClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scripts/replica.sh}: one controller replica. A restarted replica starts empty (pings 0). */
@Command(name = "replica.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A Paternoster controller replica: primary or backup of the order book, as the view service decides.")
public final class ReplicaMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ReplicaMain.class);

  @Option(names = "--id", required = true, description = "replica identity, 1-64 of [A-Za-z0-9._-]")
  String id;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on and announce (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "7101", description = "HTTP port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--advertise", paramLabel = "URL",
      description = "the URL other machines reach this replica at, when it differs from http://HOST:PORT (bind 0.0.0.0, advertise the LAN address)")
  String advertise;

  @Option(names = "--view-service", paramLabel = "URL", description = "view service URL; without it, found through discovery")
  String viewService;

  @Option(names = "--floors", defaultValue = "4", description = "floors in the building (default: ${DEFAULT-VALUE})")
  int floors;

  @Option(names = "--ping-interval-ms", defaultValue = "" + Defaults.PING_INTERVAL_MS,
      description = "how often to ping the view service (default: ${DEFAULT-VALUE})")
  long pingIntervalMs;

  @Option(names = "--assigner-cmd", paramLabel = "\"PROGRAM ARGS\"",
      description = "an external assigner speaking the course's JSON (hallRequests + states in, id -> hall matrix out); falls back to the built-in time-to-idle assigner on timeout or error")
  String assignerCmd;

  @Option(names = "--dispatcher", paramLabel = "NAME",
      description = "how hall calls are given to cars: paternoster (route cost with reassignment; parks idle cars and holds a loading car at the lobby in up-peak; docs/DISPATCH.md) or time-to-idle (the course's reference assigner) (default: paternoster)")
  String dispatcher;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "keep the book in DIR (logged and fsynced before every acknowledgement) so a power loss of both controller machines loses nothing acknowledged; recovered on start (default: memory only)")
  java.nio.file.Path dataDir;

  @Option(names = "--max-waiting-orders", paramLabel = "N", defaultValue = "" + org.paternoster.replica.http.ReplicaConfig.DEFAULT_MAX_WAITING_ORDERS,
      description = "at most N orders wait for their commit at once; more are answered 503 with Retry-After, nothing ordered (default: ${DEFAULT-VALUE})")
  int maxWaitingOrders;

  @Mixin DiscoveryOptions discovery;

  @Mixin ClusterSecretOptions clusterSecret;

  @Override
  public Integer call() {
    if (!org.paternoster.http.Fields.isId(id)) throw new CommandLine.ParameterException(new CommandLine(this), "--id must be 1-64 of [A-Za-z0-9._-]");
    if (floors < 2 || floors > org.paternoster.orders.Building.MAX_FLOORS) throw new CommandLine.ParameterException(new CommandLine(this), "--floors must be in 2.." + org.paternoster.orders.Building.MAX_FLOORS);
    if (pingIntervalMs < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--ping-interval-ms must be >= 1");
    if (maxWaitingOrders < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--max-waiting-orders must be >= 1");
    if (viewService == null && !discovery.enabled()) throw new CommandLine.ParameterException(new CommandLine(this), "--discovery none needs --view-service URL");
    String advertised;
    org.paternoster.security.ClusterAuth auth;
    try {
      auth = clusterSecret.authFor(host);
      discovery.check(clusterSecret.secret());
      advertised = advertise == null ? null : org.paternoster.http.AdvertisedUrl.parse(advertise);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    if (dispatcher != null && !org.paternoster.assign.Assigners.DISPATCHERS.contains(dispatcher)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--dispatcher must be one of " + org.paternoster.assign.Assigners.DISPATCHERS + ", got " + dispatcher);
    }
    String address = advertised != null ? advertised : "http://" + host + ":" + port;
    Discovery found = discovery.start("replica", id, address, clusterSecret.secret()).orElse(null);
    ViewServiceLocator locator = ViewServiceLocator.of(viewService, found);
    ReplicaConfig config = ReplicaConfig.of(id, host, port, floors, locator, pingIntervalMs).withAssignerCmd(assignerCmd).withDispatcher(dispatcher).withDataDir(dataDir)
        .withAdvertise(advertised).withAuth(auth).withMaxWaitingOrders(maxWaitingOrders);
    // Client requests are the commit path: counted by the replica itself (ReplicaMetrics), not per request by Vert.x.
    Service.run(ProcessMetrics.vertxWithoutRequestMeters(), new ReplicaVerticle(config, new LeaseClock()), found);
    log.info("replica {} started", id);
    return 0;
  }

  static int run(String... args) {
    return new CommandLine(new ReplicaMain()).execute(args);
  }

  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) System.exit(code);
  }
}
