package org.paternoster.security;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x edge of {@link MessageAuthenticator}: servers check what members send them and sign
 * their answers, clients sign what they send and believe only signed answers. Without a secret
 * ({@link #open()}) it does nothing, and {@link BindPolicy} keeps the process on loopback.
 *
 * <p>What is protected, when a secret is set: every request that changes something (any method
 * but GET and HEAD) and every WebSocket upgrade must be signed; a GET may be signed (members
 * sign theirs and then get a signed answer) or not (the dashboard's browser, an operator's curl:
 * read-only views stay open). A refused request is answered 401 with a JSON error and changes
 * nothing: the check runs before any route.
 */
public final class ClusterAuth {
  private static final Logger log = LoggerFactory.getLogger(ClusterAuth.class);
  private static final String NONCE = "paternoster.auth.nonce";
  private static final ClusterAuth OPEN = new ClusterAuth(null, System::currentTimeMillis);

  /** What a stranger may send us: unsigned reads and refused messages, per peer address. */
  static final double STRANGER_REQUESTS_PER_SECOND = 100;
  static final double STRANGER_BURST = 200;

  private final MessageAuthenticator authenticator;
  private final PeerRateLimiter strangers = new PeerRateLimiter(STRANGER_REQUESTS_PER_SECOND, STRANGER_BURST, 10_000);
  private final LongSupplier clock;

  private ClusterAuth(MessageAuthenticator authenticator, LongSupplier clock) {
    this.authenticator = authenticator;
    this.clock = clock;
  }

  /** No secret: nothing is signed or checked. */
  public static ClusterAuth open() {
    return OPEN;
  }

  public static ClusterAuth of(ClusterSecret secret, LongSupplier wallClockMs) {
    return new ClusterAuth(new MessageAuthenticator(secret, wallClockMs, MessageAuthenticator.DEFAULT_WINDOW_MS), wallClockMs);
  }

  public static ClusterAuth of(Optional<ClusterSecret> secret) {
    return secret.map(s -> of(s, System::currentTimeMillis)).orElse(OPEN);
  }

  // ---- server side ----

  /**
   * A route handler that runs <em>before</em> the body is read: an unsigned request that must be
   * signed is refused here (401) without reading its body, and a peer over its allowance of
   * unsigned requests and refused signatures ({@link #STRANGER_REQUESTS_PER_SECOND}) gets 429 with
   * {@code Retry-After} for its unsigned ones. Members' signed requests are neither counted nor held.
   */
  public void screen(RoutingContext ctx) {
    if (authenticator == null) {
      ctx.next();
      return;
    }
    String peer = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
    long now = clock.getAsLong();
    boolean signed = ctx.request().getHeader(MessageAuthenticator.HEADER) != null;
    // A signed request is never held back here (its signature is checked once its body is read):
    // a stranger sharing a member's address must not be able to lock that member out.
    if (!signed && !strangers.tryAcquire(peer, now)) {
      long seconds = Math.max(1, (strangers.waitMs(peer) + 999) / 1000);
      refuse(ctx, 429, "too many unsigned or refused requests from " + peer + "; retry after " + seconds + " s", seconds);
      return;
    }
    HttpMethod method = ctx.request().method();
    if (!signed && method != HttpMethod.GET && method != HttpMethod.HEAD) {
      log.warn("refused {} {} from {}: unsigned", method, ctx.request().path(), peer);
      refuse(ctx, 401, "missing " + MessageAuthenticator.HEADER + " header: this endpoint is for cluster members", 0);
      return;
    }
    ctx.next();
  }

  private static void refuse(RoutingContext ctx, int status, String reason, long retryAfterSeconds) {
    if (retryAfterSeconds > 0) ctx.response().putHeader("retry-after", Long.toString(retryAfterSeconds));
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
        .end(new io.vertx.core.json.JsonObject().put("error", reason).encode());
  }

  /**
   * A route handler (after the body handler, before every route): refuses unsigned changes and
   * bad signatures with 401; remembers an accepted request's nonce so its answer is signed
   * ({@link #answerHeader}).
   */
  public void handle(RoutingContext ctx) {
    ctx.put(ClusterAuth.class.getName(), this);
    if (authenticator == null) {
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader(MessageAuthenticator.HEADER);
    HttpMethod method = ctx.request().method();
    if (header == null && (method == HttpMethod.GET || method == HttpMethod.HEAD)) {
      ctx.next();
      return;
    }
    byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    var verdict = authenticator.checkRequest(header, method.name(), ctx.request().uri(), body);
    if (verdict instanceof MessageAuthenticator.Verdict.Accepted accepted) {
      ctx.put(NONCE, accepted.nonce());
      ctx.next();
    } else {
      String reason = ((MessageAuthenticator.Verdict.Refused) verdict).reason();
      log.warn("refused {} {} from {}: {}", method, ctx.request().path(), ctx.request().remoteAddress(), reason);
      if (header != null) strangers.tryAcquire(ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host(), clock.getAsLong());
      refuse(ctx, 401, reason, 0);
    }
  }

  /** The answer's header for {@code ctx}, or null when its request was not signed. */
  public static String answerHeader(RoutingContext ctx, int status, byte[] body) {
    ClusterAuth auth = ctx.get(ClusterAuth.class.getName());
    String nonce = ctx.get(NONCE);
    if (auth == null || auth.authenticator == null || nonce == null) return null;
    return auth.authenticator.signResponse(nonce, status, body);
  }

  /** Accepts a WebSocket upgrade only when signed (a GET without a body); else rejects it with 401. */
  public Future<io.vertx.core.http.ServerWebSocket> accept(ServerWebSocketHandshake handshake) {
    if (authenticator == null) return handshake.accept();
    var verdict = authenticator.checkRequest(handshake.headers().get(MessageAuthenticator.HEADER), "GET", handshake.uri(), new byte[0]);
    if (verdict instanceof MessageAuthenticator.Verdict.Refused refused) {
      log.warn("refused WebSocket {} from {}: {}", handshake.path(), handshake.remoteAddress(), refused.reason());
      strangers.tryAcquire(handshake.remoteAddress() == null ? "?" : handshake.remoteAddress().host(), clock.getAsLong());
      return handshake.reject(401).compose(v -> Future.failedFuture("refused: " + refused.reason()));
    }
    return handshake.accept();
  }

  // ---- client side ----

  /** A signed WebSocket upgrade: the header to send (null when open) and the seal for the link's frames. */
  public record Upgrade(String header, LinkSeal seal) {}

  /** Signs a WebSocket upgrade to {@code uri}; its frames are then sealed with {@link Upgrade#seal()}. */
  public Upgrade signUpgrade(String uri) {
    if (authenticator == null) return new Upgrade(null, LinkSeal.none());
    MessageAuthenticator.Signed signed = authenticator.signRequest("GET", uri, new byte[0]);
    return new Upgrade(signed.header(), authenticator.linkSeal(signed.nonce(), LinkSeal.End.CLIENT));
  }

  /** The seal for the frames of an accepted (so signed, {@link #accept}) WebSocket whose upgrade carried {@code header}. */
  public LinkSeal serverSeal(String header) {
    if (authenticator == null) return LinkSeal.none();
    String nonce = MessageAuthenticator.nonceOf(header);
    if (nonce == null) throw new IllegalStateException("a WebSocket accepted without a signed upgrade");
    return authenticator.linkSeal(nonce, LinkSeal.End.SERVER);
  }

  /**
   * Sends {@code request} with {@code body} (null: none), signed; its answer is believed only if
   * signed for this very request, else the future fails ("unauthenticated answer").
   */
  public Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> request, Buffer body) {
    if (authenticator == null) return body == null ? request.send() : request.sendBuffer(body);
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    var signed = authenticator.signRequest(request.method().name(), request.uri(), bytes);
    request.putHeader(MessageAuthenticator.HEADER, signed.header());
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendBuffer(body);
    return sent.compose(response -> {
      byte[] answer = response.body() == null ? new byte[0] : response.body().getBytes();
      if (authenticator.checkResponse(response.getHeader(MessageAuthenticator.HEADER), signed.nonce(), response.statusCode(), answer)) {
        return Future.succeededFuture(response);
      }
      return Future.failedFuture(new UnauthenticatedAnswer(request.uri(), response.statusCode()));
    });
  }

  /** An answer that does not prove it comes from a member: treated like no answer. */
  public static final class UnauthenticatedAnswer extends RuntimeException {
    UnauthenticatedAnswer(String uri, int status) {
      super("unauthenticated answer (status " + status + ") to " + uri + ": not a member of this cluster");
    }
  }
}
