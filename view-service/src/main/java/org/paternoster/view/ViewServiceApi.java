package org.paternoster.view;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paternoster.http.Fields;
import org.paternoster.http.JsonHttp;

/**
 * The view service's HTTP/JSON API (issue 2). Every input is validated before the core sees it,
 * so a refused request changes nothing; a view is revealed only once durable (invariant 4, via
 * {@link DurableViewService}), otherwise the answer is 503.
 */
final class ViewServiceApi {
  static final int BODY_LIMIT_BYTES = 4096;
  static final int ADDRESS_MAX_LENGTH = 256;

  private final DurableViewService service;
  private final LongSupplier clock;

  private ViewServiceApi(DurableViewService service, LongSupplier clock) {
    this.service = service;
    this.clock = clock;
  }

  static Router router(Vertx vertx, DurableViewService service, LongSupplier clock) {
    ViewServiceApi api = new ViewServiceApi(service, clock);
    Router router = JsonHttp.router(vertx, BODY_LIMIT_BYTES);
    router.post("/ping").handler(api::ping);
    router.get("/view").handler(ctx -> api.reply(ctx, () -> ViewJson.toJson(service.state()).put("leaseHolder", service.leaseHolder())));
    router.get("/views").handler(ctx -> api.reply(ctx, api::history));
    router.get("/servers").handler(ctx -> api.reply(ctx, api::servers));
    router.get("/health").handler(ctx -> JsonHttp.ok(ctx, new JsonObject().put("status", "UP")));
    return router;
  }

  /**
   * {@code POST /ping {"server": ID, "viewnum": N, "address": URL?, "incarnation": ID?, "latest": N?}}
   * → the current view plus {@code leaseMs}, the lease granted to the primary (0 for none).
   * {@code latest}: the highest view number the server has seen (default {@code viewnum}).
   */
  private void ping(RoutingContext ctx) {
    JsonObject body = JsonHttp.body(ctx);
    String server = Fields.id(body, "server");
    long viewnum = Fields.integer(body, "viewnum", 0, Long.MAX_VALUE);
    String address = Fields.optionalString(body, "address", ADDRESS_MAX_LENGTH);
    String incarnation = body.getValue("incarnation") == null ? null : Fields.id(body, "incarnation");
    long latest = body.getValue("latest") == null ? viewnum : Fields.integer(body, "latest", 0, Long.MAX_VALUE);
    reply(ctx, () -> ViewJson.toJson(service.ping(server, viewnum, latest, address, incarnation, clock.getAsLong())));
  }

  private JsonArray history() {
    return ViewJson.historyToJson(service.history(), service.state().acked());
  }

  private JsonArray servers() {
    long now = clock.getAsLong();
    JsonArray out = new JsonArray();
    for (ServerStatus s : service.servers(now)) {
      out.add(new JsonObject()
          .put("server", s.id())
          .put("role", s.role().name().toLowerCase(Locale.ROOT))
          .put("lastPingAgeMs", s.lastPingAgeMs())
          .put("viewnum", s.viewnum())
          .put("address", s.address())
          .put("alive", s.alive()));
    }
    return out;
  }

  private void reply(RoutingContext ctx, Supplier<Object> answer) {
    try {
      JsonHttp.ok(ctx, answer.get());
    } catch (StoreUnavailable e) {
      JsonHttp.error(ctx, 503, e.getMessage());
    }
  }
}
