package org.paternoster.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.paternoster.security.ClusterAuth;
import org.paternoster.security.MessageAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON conventions every Paternoster HTTP server shares: bodies are JSON objects under a
 * small size limit, errors are {@code {"error": "..."}} with a 4xx status, and nothing a client
 * sends can crash the process or change state when it is refused.
 */
public final class JsonHttp {
  private static final Logger log = LoggerFactory.getLogger(JsonHttp.class);

  private JsonHttp() {}

  /**
   * A router whose bodies are capped at {@code bodyLimitBytes} and whose failures (404, 405,
   * 413, {@link BadRequest}, anything unexpected) all answer with a JSON error.
   */
  public static Router router(Vertx vertx, long bodyLimitBytes) {
    return router(vertx, bodyLimitBytes, null, 0);
  }

  /**
   * As {@link #router(Vertx, long)}, but paths under {@code largePrefix} (internal endpoints such
   * as state transfer) accept bodies up to {@code largeLimitBytes}. The first body handler that
   * matches a request reads its body; later ones skip it.
   */
  public static Router router(Vertx vertx, long bodyLimitBytes, String largePrefix, long largeLimitBytes) {
    return router(vertx, bodyLimitBytes, largePrefix, largeLimitBytes, ClusterAuth.open());
  }

  /** As {@link #router(Vertx, long)}, with every request checked by {@code auth} before any route. */
  public static Router router(Vertx vertx, long bodyLimitBytes, ClusterAuth auth) {
    return router(vertx, bodyLimitBytes, null, 0, auth);
  }

  /**
   * The general form: bodies capped (larger under {@code largePrefix}), then {@code auth} checks
   * the request (a refusal is a 401 and reaches no route), then the caller's routes.
   */
  public static Router router(Vertx vertx, long bodyLimitBytes, String largePrefix, long largeLimitBytes, ClusterAuth auth) {
    Router router = Router.router(vertx);
    router.route().handler(auth::screen); // before any body is read: strangers' unsigned changes, rate per peer
    if (largePrefix != null) router.route(largePrefix + "/*").handler(BodyHandler.create(false).setBodyLimit(largeLimitBytes));
    router.route().handler(BodyHandler.create(false).setBodyLimit(bodyLimitBytes));
    router.route().handler(auth::handle);
    router.errorHandler(404, ctx -> error(ctx, 404, "no such path: " + ctx.request().path()));
    router.errorHandler(405, ctx -> error(ctx, 405, "method not allowed: " + ctx.request().method()));
    router.errorHandler(413, ctx -> error(ctx, 413, "body larger than " + bodyLimitBytes + " bytes"));
    router.errorHandler(400, ctx -> error(ctx, 400, messageOf(ctx)));
    router.errorHandler(500, ctx -> {
      if (ctx.failure() instanceof BadRequest || ctx.failure() instanceof DecodeException) {
        error(ctx, 400, messageOf(ctx));
      } else {
        log.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
        error(ctx, 500, "internal error");
      }
    });
    return router;
  }

  /** The deepest nesting of objects and arrays a request body may have; no message of ours comes near it. */
  public static final int MAX_DEPTH = 32;

  /**
   * The request body as a JSON object; {@link BadRequest} when absent, not an object, or nested
   * deeper than {@link #MAX_DEPTH} (checked before parsing, so a hostile body costs one scan).
   */
  public static JsonObject body(RoutingContext ctx) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) throw new BadRequest("body must be a JSON object");
    if (depth(text) > MAX_DEPTH) throw new BadRequest("body is nested deeper than " + MAX_DEPTH + " levels");
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(text);
      if (parsed instanceof JsonObject o) return o;
    } catch (DecodeException e) {
      throw new BadRequest("body is not valid JSON");
    }
    throw new BadRequest("body must be a JSON object");
  }

  /** The deepest nesting of {@code [} and {@code {} in JSON text, brackets inside strings not counted. */
  static int depth(String text) {
    int depth = 0;
    int max = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        max = Math.max(max, ++depth);
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return max;
  }

  public static void ok(RoutingContext ctx, Object json) {
    reply(ctx, 200, json);
  }

  public static void reply(RoutingContext ctx, int status, Object json) {
    if (ctx.response().ended()) return;
    byte[] body = json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String signature = ClusterAuth.answerHeader(ctx, status, body);
    if (signature != null) ctx.response().putHeader(MessageAuthenticator.HEADER, signature);
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(io.vertx.core.buffer.Buffer.buffer(body));
  }

  public static void error(RoutingContext ctx, int status, String message) {
    reply(ctx, status, new JsonObject().put("error", message));
  }

  private static String messageOf(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof BadRequest) return failure.getMessage();
    if (failure instanceof DecodeException) return "body is not valid JSON";
    return failure == null || failure.getMessage() == null ? "bad request" : failure.getMessage();
  }
}
