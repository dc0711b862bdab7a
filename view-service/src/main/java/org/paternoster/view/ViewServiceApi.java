package org.paternoster.view;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paternoster.http.BadRequest;
import org.paternoster.http.Fields;
import org.paternoster.faults.MessageFaults;
import org.paternoster.http.JsonHttp;
import org.paternoster.http.ServerLimits;
import org.paternoster.metrics.ProcessMetrics;
import org.paternoster.security.ClusterAuth;

/**
 * The view service's HTTP/JSON API (issue 2). Every input is validated before the core sees it,
 * so a refused request changes nothing; a view is revealed only once durable (invariant 4, via
 * {@link DurableViewService}), otherwise the answer is 503.
 */
final class ViewServiceApi {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ViewServiceApi.class);
  static final int BODY_LIMIT_BYTES = 4096;
  static final int ADDRESS_MAX_LENGTH = 256;

  private final ViewAuthority authority;
  private final LongSupplier clock;
  /** Which servers pinged on each open connection, with the address each gave: its close is their crash hint. */
  private final Map<HttpConnection, Map<String, String>> pingers = new HashMap<>();
  private final CrashProbe probe;
  private final Vertx vertx;

  private final ViewWaits waits;

  private ViewServiceApi(Vertx vertx, ViewAuthority authority, LongSupplier clock, ViewWaits waits) {
    this.vertx = vertx;
    this.probe = new CrashProbe(vertx);
    probe.warmUp(); // its outcome does not matter: only that the path ran
    this.authority = authority;
    this.clock = clock;
    this.waits = waits;
  }

  /**
   * {@code auth}: pings must come from members when the cluster has a secret; reads stay open.
   * {@code waits}: the long polls of {@code GET /view}, ticked by the caller.
   */
  static Router router(Vertx vertx, ViewAuthority authority, LongSupplier clock, ClusterAuth auth, ViewWaits waits) {
    ViewServiceApi api = new ViewServiceApi(vertx, authority, clock, waits);
    Router router = JsonHttp.router(vertx, BODY_LIMIT_BYTES, auth);
    MessageFaults.mountIfEnabled(vertx, router); // chaos runs only
    ProcessMetrics.mount(router);
    router.post("/ping").handler(api::ping);
    router.get("/view").handler(api::viewWhenNewer);
    router.get("/views").handler(ctx -> api.reply(ctx, api::history));
    router.get("/servers").handler(api::servers);
    router.get("/health").handler(api::health);
    return router;
  }

  /**
   * {@code POST /ping {"server": ID, "viewnum": N, "address": URL?, "incarnation": ID?, "latest": N?,
   * "recoveredFrom": ID?}}
   * → the current view plus {@code leaseMs}, the lease granted to the primary (0 for none).
   * {@code latest}: the highest view number the server has seen (default {@code viewnum}).
   * {@code recoveredFrom}: the incarnation whose durable book the server recovered and has not
   * changed since (invariant 9).
   * A member of a replicated view service that does not lead answers 421 with {@code "leader"}.
   */
  private void ping(RoutingContext ctx) {
    JsonObject body = JsonHttp.body(ctx);
    String server = Fields.id(body, "server");
    long viewnum = Fields.integer(body, "viewnum", 0, Long.MAX_VALUE);
    String address = Fields.optionalString(body, "address", ADDRESS_MAX_LENGTH);
    String incarnation = body.getValue("incarnation") == null ? null : Fields.id(body, "incarnation");
    long latest = body.getValue("latest") == null ? viewnum : Fields.integer(body, "latest", 0, Long.MAX_VALUE);
    String recoveredFrom = body.getValue("recoveredFrom") == null ? null : Fields.id(body, "recoveredFrom");
    Optional<DurableViewService> service = authority.service();
    if (service.isEmpty()) {
      notLeader(ctx);
      return;
    }
    watchConnection(ctx.request().connection(), server, address);
    PingAnswer answer;
    try {
      answer = service.get().ping(server, viewnum, latest, address, incarnation, recoveredFrom, clock.getAsLong());
    } catch (StoreUnavailable e) {
      JsonHttp.error(ctx, 503, e.getMessage());
      return;
    }
    if (answer.leaseMs() == 0) {
      JsonHttp.ok(ctx, ViewJson.toJson(answer));
      return;
    }
    // Invariant 2 across view-service leaders: a lease leaves only from a member that still leads.
    authority.stillLeads().onComplete(ar -> {
      if (ar.succeeded() && ar.result()) JsonHttp.ok(ctx, ViewJson.toJson(answer));
      else JsonHttp.error(ctx, 503, "this member lost the lead of the view service; ask again");
    });
  }

  /**
   * The kernel of a crashed server closes its connection at once; a live one pings again on a new
   * connection. So a close is a hint, not a verdict ({@link FailureDetector}), passed to whichever
   * service decides when it happens; then the server's own address is asked whether anything still
   * listens there ({@link CrashProbe}), and its answer is passed on as well.
   */
  private void watchConnection(HttpConnection connection, String server, String address) {
    Map<String, String> servers = pingers.get(connection);
    if (servers == null) {
      Map<String, String> fresh = new HashMap<>();
      pingers.put(connection, fresh);
      ServerLimits.onClose(connection, () -> { // never connection.closeHandler: the count of open connections owns it
        pingers.remove(connection);
        long now = clock.getAsLong();
        fresh.forEach((id, at) -> {
          authority.service().ifPresent(s -> s.disconnected(id, now));
          if (at != null) probeAfterClose(id, at, now, true);
        });
      });
      servers = fresh;
    }
    if (address != null || !servers.containsKey(server)) servers.put(server, address);
  }

  /**
   * Asks {@code address} whether anything listens, for {@code server}'s close at {@code closedAt};
   * a refusal is passed on, dated by that close (a later close waits for its own probe). An accepted
   * attempt is asked once more after {@link #REPROBE_MS}: a killed process's port was seen to
   * accept for a moment after its connections closed.
   */
  private void probeAfterClose(String server, String address, long closedAt, boolean again) {
    probe.probe(address).onSuccess(answer -> {
      log.info("{}'s connection closed; its address {} {} a connection ({} ms later)", server, address, answer.said,
          clock.getAsLong() - closedAt);
      if (answer == CrashProbe.Answer.REFUSED) authority.service().ifPresent(s -> s.refused(server, closedAt));
      else if (answer == CrashProbe.Answer.ACCEPTED && again) vertx.setTimer(REPROBE_MS, t -> probeAfterClose(server, address, closedAt, false));
    });
  }

  /** How long after an accepted probe the address is asked again. */
  static final long REPROBE_MS = 20;

  /**
   * {@code GET /view}, or with {@code ?after=N&waitMs=M} (M ≤ {@link ViewWaits#MAX_WAIT_MS}) the first
   * view numbered above N, waiting up to M ms for it (then the current one): a client whose primary
   * stopped answering learns of its successor as soon as it is announced.
   */
  private void viewWhenNewer(RoutingContext ctx) {
    String after = ctx.request().getParam("after");
    String wait = ctx.request().getParam("waitMs");
    if (after == null && wait == null) {
      reply(ctx, this::view);
      return;
    }
    long afterViewnum = queryInteger("after", after, Long.MAX_VALUE);
    long waitMs = queryInteger("waitMs", wait, ViewWaits.MAX_WAIT_MS);
    waits.await(afterViewnum, waitMs, clock.getAsLong(), () -> {
      if (!ctx.response().closed()) reply(ctx, this::view);
    });
  }

  private static long queryInteger(String name, String value, long max) {
    if (value == null) throw new BadRequest("missing query parameter: " + name);
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be an integer");
    }
    if (n < 0 || n > max) throw new BadRequest(name + " must be in 0.." + max + ", got " + n);
    return n;
  }

  /** The number of the view {@code GET /view} would show now; -1 while the store cannot say. */
  static long currentViewnum(ViewAuthority authority) {
    try {
      Optional<DurableViewService> service = authority.service();
      return service.isPresent() ? service.get().state().view().viewnum() : authority.known().state().view().viewnum();
    } catch (StoreUnavailable e) {
      return -1;
    }
  }

  private JsonObject view() {
    Optional<DurableViewService> service = authority.service();
    JsonObject view = service.isPresent()
        ? ViewJson.toJson(service.get().state()).put("leaseHolder", service.get().leaseHolder())
        : ViewJson.toJson(authority.known().state()).put("leaseHolder", null);
    return view.mergeIn(authority.describe());
  }

  private JsonArray history() {
    Optional<DurableViewService> service = authority.service();
    if (service.isPresent()) return ViewJson.historyToJson(service.get().history(), service.get().state().acked());
    SavedState known = authority.known();
    return ViewJson.historyToJson(known.history(), known.state().acked());
  }

  /** Who pinged: soft state that only the deciding process has. */
  private void servers(RoutingContext ctx) {
    Optional<DurableViewService> service = authority.service();
    if (service.isEmpty()) {
      notLeader(ctx);
      return;
    }
    long now = clock.getAsLong();
    JsonArray out = new JsonArray();
    try {
      for (ServerStatus s : service.get().servers(now)) {
        out.add(new JsonObject()
            .put("server", s.id())
            .put("role", s.role().name().toLowerCase(Locale.ROOT))
            .put("lastPingAgeMs", s.lastPingAgeMs())
            .put("viewnum", s.viewnum())
            .put("address", s.address())
            .put("alive", s.alive()));
      }
    } catch (StoreUnavailable e) {
      JsonHttp.error(ctx, 503, e.getMessage());
      return;
    }
    JsonHttp.ok(ctx, out);
  }

  /**
   * {@code GET /health}: 200 UP from the process that decides (a single service, or the group's
   * leader) and from a follower that knows a leader; 503 DOWN while the store cannot save the view
   * (nothing new can be announced) or a group member knows no leader.
   */
  private void health(RoutingContext ctx) {
    Optional<DurableViewService> service = authority.service();
    JsonObject out = new JsonObject().mergeIn(authority.describe());
    if (service.isPresent()) {
      out.put("role", out.containsKey("members") ? "leader" : "single");
      try {
        ViewState state = service.get().state();
        out.put("status", "UP").put("view", state.view().viewnum()).put("acked", state.acked()).put("store", "saved");
      } catch (StoreUnavailable e) {
        JsonHttp.reply(ctx, 503, out.put("status", "DOWN").put("store", e.getMessage()));
        return;
      }
      JsonHttp.ok(ctx, out);
      return;
    }
    boolean leaderKnown = authority.leaderUrl() != null;
    out.put("status", leaderKnown ? "UP" : "DOWN").put("role", "follower").put("view", authority.known().state().view().viewnum());
    if (leaderKnown) JsonHttp.ok(ctx, out);
    else JsonHttp.reply(ctx, 503, out);
  }

  private void notLeader(RoutingContext ctx) {
    JsonHttp.reply(ctx, 421, new JsonObject().put("error", "this member does not lead the view service")
        .put("leader", authority.leaderUrl()));
  }

  private void reply(RoutingContext ctx, Supplier<Object> answer) {
    try {
      JsonHttp.ok(ctx, answer.get());
    } catch (StoreUnavailable e) {
      JsonHttp.error(ctx, 503, e.getMessage());
    }
  }
}
