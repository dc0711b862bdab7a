package org.paternoster.dashboard.web;

import org.paternoster.http.ServerLimits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.StaticHandler;
import org.paternoster.dashboard.DashboardConfig;
import org.paternoster.dashboard.cluster.ChangeDetector;
import org.paternoster.dashboard.cluster.LatencySeries;
import org.paternoster.dashboard.cluster.SnapshotBuilder;
import org.paternoster.dashboard.json.SnapshotJson;
import org.paternoster.dashboard.poll.ClusterPoller;
import org.paternoster.http.JsonHttp;
import org.paternoster.http.ServerSentEvents;
import org.paternoster.time.MonotonicClock;

/**
 * The dashboard's thin shell: the poller, the HTTP server and the event stream, all on this
 * verticle's event loop.
 * <ul>
 *   <li>{@code GET /} and its assets, all from the classpath ({@code webroot/}): no CDN;</li>
 *   <li>{@code GET /api/snapshot} — the latest snapshot ({@link SnapshotJson});</li>
 *   <li>{@code GET /api/events} — the same snapshots as Server-Sent Events, on change;</li>
 *   <li>{@code GET /health} ({@link DashboardHealth}) and {@code GET /metrics} (Prometheus);</li>
 *   <li>the control endpoints of {@link ControlApi}.</li>
 * </ul>
 */
public final class DashboardVerticle extends VerticleBase {
  /** Control bodies are a handful of fields. */
  static final long BODY_LIMIT_BYTES = 4096;
  /**
   * Everything from this origin, nothing inline, nothing from elsewhere: a page that works
   * offline by construction.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private final DashboardConfig config;
  private ClusterPoller poller;
  private ServerSentEvents events;
  private HttpServer server;

  public DashboardVerticle(DashboardConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
        .setConnectTimeout((int) config.timeoutMs()).setUserAgent("paternoster-dashboard"));
    events = new ServerSentEvents();
    MonotonicClock clock = new MonotonicClock();
    poller = new ClusterPoller(vertx, client, config.timeoutMs(), config.viewServiceUrl(),
        new SnapshotBuilder(config.floors(), config.control()),
        new LatencySeries(1_000, 120), new ChangeDetector(config.refreshMs()), clock,
        config.pollMs(), snapshot -> events.publish(() -> SnapshotJson.toJson(snapshot)));

    Router router = JsonHttp.router(vertx, BODY_LIMIT_BYTES); // browsers call it: no cluster signature, a control token instead
    org.paternoster.metrics.ProcessMetrics.mount(router);
    router.route().handler(ctx -> {
      ctx.response().putHeader("content-security-policy", CONTENT_SECURITY_POLICY)
          .putHeader("x-content-type-options", "nosniff")
          .putHeader("referrer-policy", "no-referrer");
      ctx.next();
    });
    router.get("/api/snapshot").handler(ctx -> {
      ctx.response().putHeader("cache-control", "no-store");
      JsonHttp.ok(ctx, SnapshotJson.toJson(poller.latest()));
    });
    router.get("/health").handler(ctx -> JsonHttp.ok(ctx, DashboardHealth.of(poller.latest(), clock.getAsLong())));
    router.get("/api/events").handler(ctx -> events.subscribe(ctx, SnapshotJson.toJson(poller.latest())));
    new ControlApi(config.control(), config.controlToken(), poller, client, config.auth(), new PrimaryKiller(vertx, config.killScript()))
        .mount(router);
    router.get().handler(StaticHandler.create("webroot").setCachingEnabled(false).setIncludeHidden(false)
        .setDefaultContentEncoding("UTF-8"));

    return ServerLimits.server(vertx).requestHandler(router).listen(config.port(), config.host()).onSuccess(s -> {
      server = s;
      poller.start();
    });
  }

  @Override
  public Future<?> stop() {
    if (poller != null) poller.stop();
    if (events != null) events.closeAll();
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The bound port once started (useful with port 0). */
  public int actualPort() {
    HttpServer s = server;
    if (s == null) throw new IllegalStateException("not started");
    return s.actualPort();
  }
}
