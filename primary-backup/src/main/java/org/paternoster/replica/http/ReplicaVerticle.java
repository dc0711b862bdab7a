package org.paternoster.replica.http;

import org.paternoster.http.ServerLimits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.CompletableFuture;
import org.paternoster.assign.Assigners;
import org.paternoster.faults.MessageFaults;
import org.paternoster.http.JsonHttp;
import org.paternoster.orders.Op;
import org.paternoster.orders.OrderBook;
import org.paternoster.orders.durable.BookLog;
import org.paternoster.replica.Incarnations;
import org.paternoster.replica.Replica;
import org.paternoster.replica.ReplicaHost;
import org.paternoster.replica.Role;
import org.paternoster.replica.Submission;
import org.paternoster.replica.client.CommitReceipt;
import org.paternoster.replica.elevators.Dispatcher;
import org.paternoster.replica.Promotion;
import org.paternoster.time.LeaseClock;
import org.paternoster.view.View;
import org.paternoster.view.ViewJson;
import org.paternoster.view.client.ViewPinger;
import org.paternoster.view.client.ViewServiceClient;
import org.paternoster.metrics.ProcessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x shell of one controller replica. Everything runs on this verticle's event loop:
 * HTTP handlers, ping replies, peer replies and timers call the {@link ReplicaHost} (the core and
 * the duties every shell shares), whose messages leave through {@link HttpTransport}. No locks: one
 * thread touches the core.
 */
public final class ReplicaVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ReplicaVerticle.class);

  private final ReplicaConfig config;
  /** Leases are counted by this clock (invariant 2), so it must not miss a suspend: see {@link LeaseClock}. */
  private final LeaseClock clock;
  private ElevatorService elevators;
  private ReplicaHost host;
  private ReplicaMetrics metrics;
  private ViewPinger pinger;
  private Vertx pingVertx;
  private HttpServer server;
  private long lastLoggedViewnum = -1;
  private final Promotion promotion = new Promotion();
  private BookLog bookLog;
  private long tickTimer = -1;
  /** What the pings report (invariant 3): the core's, published after every input for the ping loop's thread. */
  private volatile long reportedViewnum;
  /** {@link Replica#recoveredFrom()} after the latest input, for the ping loop (invariant 9). */
  private volatile String recoveredFrom;
  /** When this replica's event loop last ran its tick: the ping loop pings only while it is recent. */
  private volatile long loopRanAt;

  public ReplicaVerticle(ReplicaConfig config, LeaseClock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * The largest replication message (a state transfer or handover: every pending call, at most
   * {@link org.paternoster.orders.OrderBook#TOMBSTONES_KEPT} served incarnations and
   * {@link org.paternoster.orders.OrderBook#RECEIPTS_KEPT} receipts; well under 1 MB even for 64
   * cars in 100 floors). The body is read before its signature can be checked, so this bounds what
   * a stranger can make a replica buffer.
   */
  static final long REPLICATION_BODY_LIMIT_BYTES = 4L << 20;

  @Override
  public Future<?> start() throws java.io.IOException {
    String incarnation = Incarnations.next();
    Replica core;
    ReplicaHost.Journal journal = ReplicaHost.Journal.NONE;
    if (config.dataDir() == null) {
      core = new Replica(config.id(), incarnation, config.pingIntervalMs());
    } else {
      // Durable books: recover, then journal every change before it is acknowledged.
      bookLog = BookLog.open(config.dataDir());
      OrderBook recovered = bookLog.recover();
      bookLog.writtenBy(incarnation);
      log.info("recovered a book of {} calls (lineage {}, seq {}, written by {}) from {}", recovered.pending().size(),
          recovered.generation(), recovered.lastSeq(), bookLog.recoveredWriter(), config.dataDir());
      core = new Replica(config.id(), incarnation, config.pingIntervalMs(), recovered, bookLog.recoveredWriter());
      Replica owner = core;
      journal = new DurableJournal(bookLog, owner::book, e -> {
        log.error("cannot make the book durable in {}: stopping (a restart recovers from the log)", config.dataDir(), e);
        Runtime.getRuntime().halt(70);
      });
    }
    WebClient client = WebClient.create(vertx, peerClientOptions(), new PoolOptions().setHttp1MaxSize(8));
    metrics = new ReplicaMetrics(ProcessMetrics.registry(), () -> host.core(), clock);
    PeerLink peers = new PeerLink(client, config.peerTimeoutMs(), config.auth());
    // Durable books: the orders submitted in one event-loop turn share one fsync (group commit).
    java.util.function.Consumer<Runnable> flushLater = bookLog == null ? Runnable::run : flush -> vertx.runOnContext(v -> flush.run());
    host = new ReplicaHost(core, metrics.counting(new HttpTransport(peers, clock)), clock,
        config.commitTimeoutMs(), this::changed, metrics.timing(journal), flushLater).limitWaiting(config.maxWaitingOrders());
    // Client bodies are tiny; a state transfer carries the whole book and the recent receipts.
    Router router = JsonHttp.router(vertx, 16 * 1024, "/replication", REPLICATION_BODY_LIMIT_BYTES, config.auth());
    MessageFaults.mountIfEnabled(vertx, router); // chaos runs only
    ProcessMetrics.mount(router);
    elevators = new ElevatorService(vertx, core, clock, config,
        new Dispatcher(config.building(), Assigners.of(config.dispatcher(), config.assignerCmd(), clock)));
    elevators.start();
    new OrderApi(this, config.building()).mount(router);
    new ReplicationApi(this).mount(router);
    router.get("/health").handler(ctx -> JsonHttp.ok(ctx, health()));
    reportedViewnum = core.reportedViewnum();
    recoveredFrom = core.recoveredFrom();
    loopRanAt = clock.getAsLong();
    tickTimer = vertx.setPeriodic(Math.max(1, config.pingIntervalMs() / 4), id -> {
      loopRanAt = clock.getAsLong();
      host.tick();
    });
    return ServerLimits.server(vertx).webSocketHandshakeHandler(h -> config.auth().accept(h)).webSocketHandler(elevators::accept)
        .requestHandler(router).listen(config.port(), config.host()).map(s -> {
      server = s;
      // Before the first ping: the warm-up's view 0 is never newer than anything this replica holds.
      String self = "http://" + ("0.0.0.0".equals(config.host()) ? "127.0.0.1" : config.host()) + ":" + s.actualPort();
      ServerWarmup.run(peers, self);
      // Pings leave from an event loop of their own (a Vert.x of its own: one Vert.x's contexts may
      // share a loop): a busy spell here, such as a burst of new connections, must not make this
      // replica look dead; a loop silent for longer than the limit still does.
      long stallLimitMs = loopStallLimitMs(config.pingIntervalMs());
      pingVertx = vertxOfItsOwn(ProcessMetrics.options().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
      ViewServiceClient viewService = new ViewServiceClient(WebClient.create(pingVertx, peerClientOptions()), config.viewServiceUrl(),
          ViewPinger.timeoutFor(config.pingIntervalMs()), config.auth());
      pinger = new ViewPinger(pingVertx, viewService, config.id(), incarnation, config.address(),
          config.pingIntervalMs(), clock, () -> reportedViewnum, host::onPingAnswer)
          .reportingRecoveredBook(() -> recoveredFrom)
          .answeringOn(context, () -> clock.getAsLong() - loopRanAt <= stallLimitMs);
      log.info("replica {} (incarnation {}) listening on {} (view service {})", config.id(), incarnation, config.address(),
          config.viewServiceUrl().get());
      return s;
    }).compose(s -> pinger.deployOnOwnLoop().map(id -> s));
  }

  /**
   * A Vert.x of its own, made on a thread outside this verticle's context: Vert.x warns at every
   * start when one is made on another's context (a mistake as a rule, the design here). Blocks
   * this loop while it is made, as making it here did.
   */
  private static Vertx vertxOfItsOwn(VertxOptions options) {
    CompletableFuture<Vertx> made = new CompletableFuture<>();
    new Thread(() -> {
      try {
        made.complete(Vertx.vertx(options));
      } catch (RuntimeException | Error e) {
        made.completeExceptionally(e);
      }
    }, "ping-vertx-maker").start();
    return made.join();
  }

  /** Outgoing connections leave from our own address, so a partition can be cut per address pair. */
  private WebClientOptions peerClientOptions() {
    return new WebClientOptions().setKeepAlive(true).setConnectTimeout((int) config.peerTimeoutMs()).setLocalAddress(config.host());
  }

  @Override
  public Future<?> stop() {
    if (pinger != null) pinger.stop();
    if (pingVertx != null) pingVertx.close();
    if (elevators != null) elevators.stop();
    vertx.cancelTimer(tickTimer);
    Future<?> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.onComplete(v -> {
      try {
        if (bookLog != null) bookLog.close();
      } catch (java.io.IOException e) {
        log.warn("closing the book log: {}", e.getMessage());
      }
    });
  }

  Replica core() {
    return host.core();
  }

  /**
   * {@code GET /health}: UP while the view service answers this replica's pings, DEGRADED while it
   * does not (the replica still serves its role until its lease ends); with the role, the view,
   * whether the primary holds a lease and has its backup's state (acked), and where the book lives.
   */
  private JsonObject health() {
    Replica core = host.core();
    long now = clock.getAsLong();
    boolean viewService = pinger != null && pinger.reachable();
    return new JsonObject()
        .put("status", viewService ? "UP" : "DEGRADED")
        .put("replica", config.id())
        .put("role", core.role().name().toLowerCase(java.util.Locale.ROOT))
        .put("view", core.view().viewnum())
        .put("backup", core.view().backup())
        .put("acked", core.reportedViewnum() == core.view().viewnum())
        .put("leased", core.hasLease(now))
        .put("viewService", viewService ? "reachable" : "unreachable")
        .put("store", bookLog == null ? "memory" : "durable " + config.dataDir());
  }

  ReplicaHost host() {
    return host;
  }

  ReplicaMetrics metrics() {
    return metrics;
  }

  /**
   * Orders {@code op}; completes with its {@link CommitReceipt} once committed, or fails with
   * {@link NotPrimary} or a timeout (the client resends the same id).
   */
  Future<CommitReceipt> submit(Op op) {
    Promise<Long> committed = Promise.promise();
    long startNanos = clock.nanos();
    Submission s = host.submit(op, new PromiseWaiter(committed, config.commitTimeoutMs()));
    if (s instanceof Submission.Overloaded o) return Future.failedFuture(new Overloaded(o.waiting()));
    if (!(s instanceof Submission.Accepted a)) return committed.future().map(v -> (CommitReceipt) null); // fails: not primary
    return committed.future().map(viewnum -> {
      if (!a.committed()) metrics.committed(clock.getAsLong(), (clock.nanos() - startNanos) / 1_000);
      long callSeq = a.receipt().callSeq();
      return new CommitReceipt(op.requestId(), viewnum, a.receipt().seq(), callSeq, a.receipt().created(),
          host.core().servedSince(op, a.receipt()));
    });
  }

  /**
   * How long this replica's event loop may go without running its tick before its pings stop (and
   * the view service finds it dead): longer than the busiest spell measured (over half a second,
   * 2,048 connections opening at once), while a wedged loop is still replaced (pings from a loop of
   * their own would otherwise keep it primary forever). 2 s with the default 25 ms pings.
   */
  static long loopStallLimitMs(long pingIntervalMs) {
    return Math.max(2_000, 80 * pingIntervalMs);
  }

  /** After every input: the book, the view or the lease may have changed. */
  private void changed() {
    reportedViewnum = host.core().reportedViewnum();
    recoveredFrom = host.core().recoveredFrom();
    if (elevators != null) elevators.changed(); // coalesced: at most one dispatch per event-loop turn
    logViewChange();
    promotion.observe(host.core(), clock.getAsLong()).ifPresent(report -> {
      log.info("{}: {}", config.id(), report);
      metrics.promoted(report);
    });
  }

  private void logViewChange() {
    View view = host.core().view();
    if (view.viewnum() != lastLoggedViewnum) {
      lastLoggedViewnum = view.viewnum();
      log.info("{}: {} as {}", config.id(), view, host.core().role().json());
    }
  }

  JsonObject stateJson() {
    Replica core = host.core();
    long now = clock.getAsLong();
    return new JsonObject()
        .put("id", config.id())
        .put("incarnation", core.incarnation())
        .put("address", config.address())
        .put("role", core.role().json())
        .put("view", ViewJson.toJson(core.view(), false))
        .put("reportedViewnum", core.reportedViewnum())
        .put("generation", core.book().generation())
        .put("lastSeq", core.book().lastSeq())
        .put("committedSeq", core.committedSeq())
        .put("lease", core.hasLease(now))
        .put("pendingCalls", core.book().pending().size())
        .put("waitingClients", host.waiting())
        .put("primary", core.role() == Role.PRIMARY)
        .put("elevators", elevators.stateJson())
        .put("commitLatency", metrics.latencySummary(now));
  }

  ElevatorService elevators() {
    return elevators;
  }
}
