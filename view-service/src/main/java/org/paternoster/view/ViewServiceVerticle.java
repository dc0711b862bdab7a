package org.paternoster.view;

import org.paternoster.http.ServerLimits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.util.function.LongSupplier;
import org.paternoster.security.ClusterAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin Vert.x shell around the view service: HTTP server, the tick timer, the store. Everything
 * runs on this verticle's event loop, so the core needs no locks.
 *
 * <p>Invariant 4: the store is read at start and written synchronously on the event loop before
 * any reply reveals a new view. View changes are rare and the write is one small file, so the
 * short block is accepted rather than letting a reply overtake its own save.
 */
public final class ViewServiceVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ViewServiceVerticle.class);
  private final String host;
  private final int port;
  private final PingTiming timing;
  private final TotalLossPolicy onTotalLoss;
  private final ViewStore store;
  private final LongSupplier clock;
  private ViewAuthority authority;
  private ClusterAuth auth = ClusterAuth.open();
  private volatile HttpServer server;
  private final ServerLimits limits = ServerLimits.counting();
  private long tickTimer = -1;

  /** A view service that rebuilds after a total loss. */
  public ViewServiceVerticle(String host, int port, PingTiming timing, ViewStore store, LongSupplier clock) {
    this(host, port, timing, TotalLossPolicy.REBUILD, store, clock);
  }

  /**
   * @param port 0 picks a free port, see {@link #actualPort()}
   * @param clock monotonic milliseconds that read as epoch time, e.g. {@link org.paternoster.time.MonotonicClock}
   */
  public ViewServiceVerticle(String host, int port, PingTiming timing, TotalLossPolicy onTotalLoss, ViewStore store, LongSupplier clock) {
    this.host = host;
    this.port = port;
    this.timing = timing;
    this.onTotalLoss = onTotalLoss;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Future<?> start() throws Exception {
    if (authority == null) authority = ViewAuthority.single(new DurableViewService(restore(clock.getAsLong()), store));
    ViewAuthority decides = authority;
    ViewWaits waits = new ViewWaits(() -> ViewServiceApi.currentViewnum(decides));
    tickTimer = vertx.setPeriodic(timing.tickMs(), id -> {
      long now = clock.getAsLong();
      decides.tick(now);
      waits.tick(now);
    });
    return limits.create(vertx)
        .requestHandler(ViewServiceApi.router(vertx, decides, clock, auth, waits))
        .listen(port, host)
        .onSuccess(s -> server = s);
  }

  private ViewService restore(long now) throws java.io.IOException {
    SavedState saved = store.load()
        .map(s -> {
          log.info("resuming from {} in {}", s.state().view(), store.describe());
          return s;
        })
        .orElseGet(() -> {
          log.info("no saved view in {}: starting at view 0 (numbered above any view a replica reports)", store.describe());
          return new SavedState(ViewState.INITIAL, java.util.List.of());
        });
    return new ViewService(timing, onTotalLoss, saved, now);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(tickTimer);
    return server == null ? Future.succeededFuture() : server.close();
  }

  /**
   * A member of a replicated view service (issue 12): {@code authority} decides when this member
   * leads. Deploy it as a worker verticle: the authority blocks while the group answers.
   */
  public ViewServiceVerticle(String host, int port, PingTiming timing, ViewAuthority authority, LongSupplier clock) {
    this(host, port, timing, TotalLossPolicy.REBUILD, null, clock);
    this.authority = authority;
  }

  /** Members must sign their pings with the cluster secret (call before deploying). */
  public ViewServiceVerticle authenticating(ClusterAuth auth) {
    this.auth = auth;
    return this;
  }

  /** Connections open to this view service now (each closed one must leave the count, or the server fills up). */
  int openConnections() {
    return limits.openConnections();
  }

  /** The bound port once started (useful with port 0). */
  public int actualPort() {
    HttpServer s = server;
    if (s == null) throw new IllegalStateException("not started");
    return s.actualPort();
  }
}
