package org.paternoster.dashboard;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.paternoster.dashboard.web.DashboardVerticle;
import org.paternoster.discovery.Discovery;
import org.paternoster.discovery.DiscoveryOptions;
import org.paternoster.discovery.ViewServiceLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.paternoster.security.ClusterAuth;
import org.paternoster.security.ClusterSecret;
import org.paternoster.security.ClusterSecretOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/dashboard.sh}: serves the live dashboard page. It only reads the other
 * processes' public HTTP APIs; with {@code --control} it also forwards button presses and faults
 * to simulated elevators and can kill the primary (demo only).
 */
@Command(name = "dashboard.sh", sortOptions = false,
    description = "A live web page of the Paternoster cluster: views and their history, replicas, elevators, calls, latencies.")
public final class DashboardMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DashboardMain.class);
  /** Set by scripts/dashboard.sh to the checkout, to find scripts/kill-primary.sh. */
  static final String HOME_PROPERTY = "paternoster.home";

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this usage and exit.")
  private boolean help;

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  private int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  private String host;

  @Option(names = "--view-service", paramLabel = "URL", description = "View service URL; without it, found through discovery.")
  private String viewService;

  @Option(names = "--control", description = "Enable the demo actions: elevator buttons, faults, kill the primary (they need the control token).")
  private boolean control;

  @Option(names = "--control-token-file", paramLabel = "PATH",
      description = "The token the control actions need (or set " + CONTROL_TOKEN_ENV + "); without one, a random token is made and "
          + "the address to open (with #token=...) is logged.")
  private Path controlTokenFile;

  @Mixin
  private ClusterSecretOptions clusterSecret;

  @Option(names = "--floors", defaultValue = "4", paramLabel = "N",
      description = "Floors in the building, unless the elevator nodes report theirs (default: ${DEFAULT-VALUE}).")
  private int floors;

  @Option(names = "--poll-interval-ms", defaultValue = "" + DashboardConfig.DEFAULT_POLL_MS, paramLabel = "MS",
      description = "How often the cluster is polled (default: ${DEFAULT-VALUE}).")
  private long pollMs;

  @Mixin
  private DiscoveryOptions discovery;

  static final String CONTROL_TOKEN_ENV = "PATERNOSTER_CONTROL_TOKEN";

  /** The control token: the file's, else the environment's, else a new random one. */
  private String controlToken() {
    String token;
    if (controlTokenFile != null) {
      try {
        token = Files.readString(controlTokenFile).strip();
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("cannot read the control token file " + controlTokenFile + ": " + e.getMessage());
      }
    } else {
      token = System.getenv(CONTROL_TOKEN_ENV);
      if (token == null || token.isBlank()) return ClusterSecret.randomText();
      token = token.strip();
    }
    if (token.length() < 16 || !token.matches("[A-Za-z0-9._~-]+")) {
      throw new IllegalArgumentException("the control token must be at least 16 of [A-Za-z0-9._~-]");
    }
    return token;
  }

  /** Starts the dashboard; the JVM exits only on error. */
  public static void main(String... args) {
    int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    if (code != 0) System.exit(code);
  }

  /**
   * Parses {@code args} and starts the dashboard in this JVM. Returns 0 once it is listening (its
   * non-daemon threads keep the JVM alive) or after {@code --help}; 2 with usage on {@code err}
   * for a bad flag or value; 1 when it cannot start.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new DashboardMain()).setOut(out).setErr(err).execute(args);
  }

  @Override
  public Integer call() {
    validate();
    ClusterAuth auth;
    String token;
    try {
      auth = clusterSecret.authFor(host);
      discovery.check(clusterSecret.secret());
      token = control ? controlToken() : null;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    Optional<Discovery> found = startDiscovery();
    ViewServiceLocator locator = ViewServiceLocator.of(viewService, found.orElse(null));
    Path killScript = killScript();
    if (control && !Files.isExecutable(killScript)) log.warn("no executable {}: the kill-primary button will fail", killScript);
    DashboardConfig config = new DashboardConfig(host, port, locator, control, floors, pollMs,
        Math.max(1_000, 2 * pollMs), 1_000, killScript, token, auth);
    Vertx vertx = org.paternoster.metrics.ProcessMetrics.vertx();
    DashboardVerticle verticle = new DashboardVerticle(config);
    try {
      vertx.deployVerticle(verticle).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.error("dashboard failed to start on {}:{}", host, port, e);
      vertx.close();
      found.ifPresent(Discovery::close);
      return 1;
    }
    log.info("dashboard listening on http://{}:{}/ (view service {}, control {})", host, verticle.actualPort(),
        viewService != null ? viewService : "by discovery", control ? "on" : "off");
    if (control) log.info("controls: open http://{}:{}/#token={}", host, verticle.actualPort(), token);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      found.ifPresent(Discovery::close);
      try {
        vertx.close().await(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the JVM is exiting anyway
      }
    }, "dashboard-shutdown"));
    return 0;
  }

  private void validate() {
    if (port < 0 || port > 65535) throw new ParameterException(spec.commandLine(), "--port must be in 0..65535, got " + port);
    if (floors < 2 || floors > org.paternoster.orders.Building.MAX_FLOORS) throw new ParameterException(spec.commandLine(), "--floors must be in 2.." + org.paternoster.orders.Building.MAX_FLOORS + ", got " + floors);
    if (pollMs < 10) throw new ParameterException(spec.commandLine(), "--poll-interval-ms must be >= 10, got " + pollMs);
    if (viewService == null && !discovery.enabled()) {
      throw new ParameterException(spec.commandLine(), "--discovery none needs --view-service URL");
    }
    if (viewService != null && !viewService.matches("https?://\\S+")) {
      throw new ParameterException(spec.commandLine(), "--view-service must be an http:// URL, got " + viewService);
    }
  }

  /** The dashboard announces itself too, so discovery lists every running process. */
  private Optional<Discovery> startDiscovery() {
    String url = "http://" + host + ":" + port;
    try {
      return discovery.start("dashboard", "dashboard-" + port, url, clusterSecret.secret());
    } catch (RuntimeException e) {
      if (viewService == null) throw e;
      log.error("discovery failed to start; using --view-service {}", viewService, e);
      return Optional.empty();
    }
  }

  private static Path killScript() {
    String home = System.getProperty(HOME_PROPERTY);
    return (home == null ? Path.of("") : Path.of(home)).resolve("scripts").resolve("kill-primary.sh").toAbsolutePath();
  }
}
