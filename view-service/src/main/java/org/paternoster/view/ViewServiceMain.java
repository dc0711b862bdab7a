package org.paternoster.view;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.paternoster.discovery.Discovery;
import org.paternoster.discovery.DiscoveryOptions;
import org.paternoster.discovery.ViewServiceLocator;
import org.paternoster.http.AdvertisedUrl;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.group.GroupAuthority;
import org.paternoster.view.group.GroupMembers;
import org.paternoster.view.group.ViewGroup;
import org.paternoster.metrics.ProcessMetrics;
import org.paternoster.security.ClusterAuth;
import org.paternoster.security.ClusterSecretOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/view-service.sh}: runs the view service. The flags are an external contract
 * (issue 2): tests outside this repository start the process with them.
 */
@Command(name = "view-service", sortOptions = false,
    description = "Decides which controller replica is primary and which is backup (MIT 6.824 view service).")
public final class ViewServiceMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ViewServiceMain.class);

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this usage and exit.")
  private boolean help;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(names = "--port", defaultValue = "7000", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  private int port;

  @Option(names = "--ping-interval-ms", defaultValue = "" + PingTiming.DEFAULT_INTERVAL_MS, paramLabel = "MS",
      description = "How often servers ping (default: ${DEFAULT-VALUE}; the replicas must use the same).")
  private long pingIntervalMs;

  @Option(names = "--dead-pings", defaultValue = "" + PingTiming.DEFAULT_DEAD_PINGS, paramLabel = "N",
      description = "Missed pings after which a server that pings regularly is dead (default: ${DEFAULT-VALUE}).")
  private int deadPings;

  @Option(names = "--detector", defaultValue = "adaptive", paramLabel = "adaptive|fixed",
      description = "adaptive: a server whose recent pings were irregular, or that started less than 20 s ago, "
          + "gets up to four times the dead time; fixed: exactly --dead-pings intervals (default: ${DEFAULT-VALUE}). "
          + "Both declare a server whose connection closed dead after four intervals without a ping.")
  private String detector;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the view is persisted so a restart resumes it (default: memory only).")
  private Path dataDir;

  @Option(names = "--on-total-loss", defaultValue = "rebuild", paramLabel = "wait|rebuild",
      description = "When the primary is lost and no backup can take over: wait for one of them to return, "
          + "in memory or restarted from its durable book (consistency), or start a new lineage with any live replica and merge older books as they return "
          + "(availability; default: ${DEFAULT-VALUE}).")
  private String onTotalLoss;

  @Option(names = "--advertise", paramLabel = "URL",
      description = "The URL others reach this process at, when it differs from http://HOST:PORT (bind 0.0.0.0, advertise the LAN address).")
  private String advertise;

  @Option(names = "--members", paramLabel = "HOST:PORT,...",
      description = "Run as one member of a replicated view service (an odd number, at least 3, the same list on every member); "
          + "this member is the entry matching --advertise (or --host) and --port. Without it, one process decides alone.")
  private String members;

  @Option(names = "--consensus-port", paramLabel = "N",
      description = "This member's port for the consensus engine (Apache Ratis; default: --port + 1, or the third field of its --members entry).")
  private Integer consensusPort;

  @Option(names = "--election-timeout-ms", defaultValue = "300", paramLabel = "MS",
      description = "With --members: how long followers wait for the leader before electing another (up to twice this; default: ${DEFAULT-VALUE}).")
  private long electionTimeoutMs;

  @Mixin
  private DiscoveryOptions discovery;

  @Mixin
  private ClusterSecretOptions clusterSecret;

  /** Starts the service; the JVM exits only on error (see {@link #run(PrintWriter, PrintWriter, String...)}). */
  public static void main(String... args) {
    int code = run(args);
    if (code != 0) System.exit(code);
  }

  /** {@link #run(PrintWriter, PrintWriter, String...)} on the standard streams. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /**
   * Parses {@code args} and starts the service in this JVM. Returns 0 once it is listening (its
   * non-daemon threads keep the JVM alive) or after {@code --help}; 2 with usage on {@code err}
   * for a bad flag or value; 1 when it cannot start.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new ViewServiceMain()).setOut(out).setErr(err).execute(args);
  }

  @Override
  public Integer call() {
    PingTiming timing = validatedTiming();
    TotalLossPolicy policy;
    try {
      policy = TotalLossPolicy.parse(onTotalLoss);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ClusterAuth auth;
    try {
      auth = clusterSecret.authFor(host);
      discovery.check(clusterSecret.secret());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String url;
    AutoCloseable group = () -> { };
    Vertx vertx = ProcessMetrics.vertx();
    try {
      URI advertised = advertisedUrl();
      if (members == null) {
        ViewStore store = dataDir == null ? ViewStore.inMemory() : ViewStore.inDirectory(dataDir);
        if (dataDir == null) log.warn("no --data-dir: the view lives in memory only; a restart numbers its views above what the replicas report");
        ViewServiceVerticle verticle = new ViewServiceVerticle(host, port, timing, policy, store, new MonotonicClock()).authenticating(auth);
        vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
        url = advertise != null ? advertised.toString() : "http://" + host + ":" + verticle.actualPort();
        log.info("view service listening on {} ({}, on total loss {}, store {})",
            url, timing.describe(), policy.name().toLowerCase(Locale.ROOT), store.describe());
      } else {
        GroupMembers listed = groupMembers(advertised);
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".paternoster", "view-" + listed.self().id());
        if (dataDir == null) log.warn("no --data-dir: keeping this member's consensus log in {}", dir);
        // A view change waits for this; too short a bound and a slow fsync on a busy machine turns
        // into a timeout, a closed connection and a rebuilt leader (seen with 25 ms pings).
        ViewGroup viewGroup = ViewGroup.start(listed, dir, electionTimeoutMs, Math.max(1_000, 4 * timing.deadAfterMs()),
            clusterSecret.secret(), host, vertx);
        group = viewGroup;
        ViewServiceVerticle verticle = new ViewServiceVerticle(host, port, timing,
            new GroupAuthority(viewGroup, timing, policy), new MonotonicClock()).authenticating(auth);
        vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await(30, TimeUnit.SECONDS);
        url = listed.self().url();
        log.info("view service member {} of {} listening on {} (consensus on port {}, log in {}; {}, on total loss {})",
            listed.self().id(), listed.urls(), url, listed.self().consensusPort(), dir, timing.describe(), policy.name().toLowerCase(Locale.ROOT));
      }
    } catch (ParameterException e) {
      vertx.close();
      throw e;
    } catch (Exception e) {
      log.error("view service failed to start on {}:{}", host, port, e);
      closeQuietly(group);
      vertx.close();
      return 1;
    }
    Optional<Discovery> announced = announce(url);
    AutoCloseable stopGroup = group;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("view service stopping");
      announced.ifPresent(Discovery::close);
      try {
        vertx.close().await(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the JVM is exiting anyway
      }
      closeQuietly(stopGroup);
    }, "view-service-shutdown"));
    return 0;
  }

  private URI advertisedUrl() {
    if (advertise == null) return URI.create("http://" + host + ":" + port);
    try {
      return URI.create(AdvertisedUrl.parse(advertise));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private GroupMembers groupMembers(URI advertised) {
    if (port == 0) throw new ParameterException(spec.commandLine(), "--members needs a fixed --port (the other members list it)");
    try {
      return GroupMembers.parse(members, advertised.getHost(), advertised.getPort() > 0 ? advertised.getPort() : port, consensusPort);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      log.warn("closing: {}", e.getMessage());
    }
  }

  /** The HTTP API works without discovery (--view-service URL), so a failed join is logged, not fatal. */
  private Optional<Discovery> announce(String url) {
    try {
      return discovery.start(ViewServiceLocator.ROLE, "view-service", url, clusterSecret.secret());
    } catch (RuntimeException e) {
      log.error("discovery failed to start; clients need --view-service {}", url, e);
      return Optional.empty();
    }
  }

  private PingTiming validatedTiming() {
    if (port < 0 || port > 65535) throw new ParameterException(spec.commandLine(), "--port must be in 0..65535, got " + port);
    if (pingIntervalMs < 1) throw new ParameterException(spec.commandLine(), "--ping-interval-ms must be >= 1, got " + pingIntervalMs);
    if (electionTimeoutMs < 50) throw new ParameterException(spec.commandLine(), "--election-timeout-ms must be >= 50, got " + electionTimeoutMs);
    if (deadPings < 1) throw new ParameterException(spec.commandLine(), "--dead-pings must be >= 1, got " + deadPings);
    return switch (detector) {
      case "adaptive" -> PingTiming.adaptive(pingIntervalMs, deadPings);
      case "fixed" -> new PingTiming(pingIntervalMs, deadPings);
      default -> throw new ParameterException(spec.commandLine(), "--detector must be adaptive or fixed, got " + detector);
    };
  }
}
