package org.paternoster.dashboard.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.paternoster.dashboard.poll.ClusterPoller;
import org.paternoster.http.JsonHttp;
import org.paternoster.security.ClusterAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's hands, enabled only with {@code --control}; otherwise every endpoint answers
 * {@code 403} and does nothing. Every request must carry the dashboard's control token
 * ({@code Authorization: Bearer TOKEN}, else {@code 401}): the read-only page is open to anyone
 * who can reach it, its controls are not.
 * <ul>
 *   <li>{@code POST /api/elevators/{id}/buttons} — forwarded to that node's {@code POST /buttons};</li>
 *   <li>{@code POST /api/elevators/{id}/faults} — forwarded to that node's {@code POST /faults};</li>
 *   <li>{@code POST /api/kill-primary} — runs {@code scripts/kill-primary.sh}.</li>
 * </ul>
 * Answers: {@code 200} with what happened; {@code 400} malformed input; {@code 404} unknown
 * elevator; {@code 415} not sent as {@code application/json}; {@code 409} the kill script refused (no primary, not on this machine); a node's own
 * {@code 4xx} passed on; {@code 502} the node could not be reached or failed; {@code 503} no kill script.
 */
final class ControlApi {
  private static final Logger log = LoggerFactory.getLogger(ControlApi.class);
  private static final long NODE_TIMEOUT_MS = 2_000;
  private final boolean enabled;
  private final byte[] token;
  private final ClusterPoller poller;
  private final WebClient client;
  private final ClusterAuth auth;
  private final PrimaryKiller killer;

  /**
   * @param token what every control request must carry as {@code Authorization: Bearer TOKEN}
   * @param auth signs what is forwarded to the nodes (members only may press or inject faults there)
   */
  ControlApi(boolean enabled, String token, ClusterPoller poller, WebClient client, ClusterAuth auth, PrimaryKiller killer) {
    this.enabled = enabled;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.poller = poller;
    this.client = client;
    this.auth = auth;
    this.killer = killer;
  }

  void mount(Router router) {
    router.post("/api/elevators/:id/buttons").handler(ctx -> ifEnabled(ctx, this::press));
    router.post("/api/elevators/:id/faults").handler(ctx -> ifEnabled(ctx, this::fault));
    router.post("/api/kill-primary").handler(ctx -> ifEnabled(ctx, this::killPrimary));
  }

  /**
   * Control requests must say they are JSON: a browser only sends that content type cross-origin
   * after a CORS preflight, which this server never grants, so another web page open in the same
   * browser cannot press buttons or kill the primary (no CSRF).
   */
  private void ifEnabled(RoutingContext ctx, Consumer<RoutingContext> action) {
    String type = ctx.request().getHeader("content-type");
    if (!enabled) {
      JsonHttp.error(ctx, 403, "control is disabled: start the dashboard with --control");
    } else if (!tokenMatches(ctx.request().getHeader("authorization"))) {
      JsonHttp.error(ctx, 401, "control needs the dashboard's token (open the address with #token=... the dashboard printed)");
    } else if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      JsonHttp.error(ctx, 415, "send control requests with Content-Type: application/json");
    } else {
      action.accept(ctx);
    }
  }

  private boolean tokenMatches(String authorization) {
    if (token == null || authorization == null || !authorization.startsWith("Bearer ")) return false;
    return MessageDigest.isEqual(token, authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8));
  }

  private void press(RoutingContext ctx) {
    JsonObject press = ControlRequests.press(JsonHttp.body(ctx), poller.latest().floors());
    forward(ctx, "/buttons", press);
  }

  private void fault(RoutingContext ctx) {
    forward(ctx, "/faults", ControlRequests.fault(JsonHttp.body(ctx)));
  }

  /** Validated {@code body} goes to the node's {@code path}; the node's answer decides ours. */
  private void forward(RoutingContext ctx, String path, JsonObject body) {
    String id = ControlRequests.elevatorId(ctx.pathParam("id"));
    Optional<String> address = poller.nodeAddress(id);
    if (address.isEmpty()) {
      JsonHttp.error(ctx, 404, "no elevator " + id + " with a known node address");
      return;
    }
    Future<HttpResponse<Buffer>> sent = auth.send(client.postAbs(address.get() + path).timeout(NODE_TIMEOUT_MS), body.toBuffer());
    sent.onComplete(r -> {
      if (r.failed()) {
        JsonHttp.error(ctx, 502, "elevator " + id + " at " + address.get() + " cannot be reached: " + r.cause().getMessage());
      } else if (r.result().statusCode() / 100 == 2) {
        JsonHttp.ok(ctx, new JsonObject().put("elevator", id).put("sent", body).put("message", describe(id, body)));
      } else {
        int status = r.result().statusCode() / 100 == 4 ? r.result().statusCode() : 502;
        JsonHttp.error(ctx, status, "elevator " + id + " refused: " + errorOf(r.result()));
      }
    });
  }

  private void killPrimary(RoutingContext ctx) {
    ControlRequests.killPrimary(ctx.body() == null ? null : ctx.body().asString());
    String url = poller.viewServiceUrl();
    if (!killer.available()) {
      JsonHttp.error(ctx, 503, "no kill script at " + killer.script());
      return;
    }
    if (url == null) {
      JsonHttp.error(ctx, 409, "the view service has not been found, so the primary is unknown");
      return;
    }
    killer.kill(url).onComplete(r -> {
      if (r.failed()) {
        log.warn("kill script {} failed to run", killer.script(), r.cause());
        JsonHttp.error(ctx, 500, "the kill script could not run: " + r.cause().getMessage());
      } else if (r.result().killed()) {
        log.info("kill primary: {}", r.result().output());
        JsonHttp.ok(ctx, new JsonObject().put("message", r.result().output()));
      } else {
        JsonHttp.error(ctx, 409, r.result().output().isEmpty() ? "the kill script exited with " + r.result().exitCode() : r.result().output());
      }
    });
  }

  private static String describe(String id, JsonObject sent) {
    if (sent.containsKey("motor")) return "motor of " + id + ": " + sent.getString("motor");
    if (sent.containsKey("obstruction")) return "obstruction of " + id + ": " + (sent.getBoolean("obstruction") ? "on" : "off");
    String button = "cab".equals(sent.getString("type")) ? "cab " + sent.getInteger("floor")
        : "hall " + sent.getString("direction") + " at floor " + sent.getInteger("floor");
    return "pressed " + button + " on " + id;
  }

  private static String errorOf(HttpResponse<Buffer> response) {
    try {
      String error = response.bodyAsJsonObject().getString("error");
      if (error != null) return error;
    } catch (RuntimeException e) {
      // not JSON: fall through to the status
    }
    return "status " + response.statusCode();
  }
}
