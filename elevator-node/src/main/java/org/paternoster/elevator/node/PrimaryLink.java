package org.paternoster.elevator.node;

import org.paternoster.security.ClusterAuth;
import org.paternoster.security.LinkSeal;
import org.paternoster.security.MessageAuthenticator;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paternoster.faults.MessageFaults;
import org.paternoster.replica.client.NotPrimaryAnswer;
import org.paternoster.replica.elevators.Push;
import org.paternoster.view.client.ViewServiceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one WebSocket to the current primary ({@code /elevators/link}): finds it through the view
 * service, sends this car's report every {@code reportMs} (and on demand), hands every push to the
 * node, and reconnects with backoff when the link closes, is redirected, or goes quiet for
 * {@code quietMs} (a half-open link counts as down). Runs on the node's context.
 */
final class PrimaryLink {
  private static final Logger log = LoggerFactory.getLogger(PrimaryLink.class);

  private final Vertx vertx;
  private final WebSocketClient client;
  private final ViewServiceClient viewService;
  private final Supplier<JsonObject> report;
  private final Consumer<Push> onPush;
  private final Consumer<Boolean> onLink;
  private final LongSupplier clock;
  private final long reportMs;
  private final long quietMs;
  private final ClusterAuth auth;
  private WebSocket ws;
  /** The frame seal of the link being made or held (its upgrade's; pass-through without a cluster secret). */
  private LinkSeal seal = LinkSeal.none();
  private String redirectTo;
  /** "not-primary" answers since the last push; two replicas with stale views can bounce a node forever. */
  private int redirects;
  /** The primary's HTTP address this link is (or was last) connected to. */
  private String linkedAddress;
  private long lastMessageAt;
  private int failures;
  private boolean connecting;
  /** Numbers each connection attempt; an attempt abandoned at its deadline is no longer this one. */
  private long attempt;
  private boolean closed;
  private long reportTimer = -1;

  static final String LINK_PATH = "/elevators/link";

  PrimaryLink(Vertx vertx, String localAddress, ViewServiceClient viewService, Supplier<JsonObject> report, Consumer<Push> onPush,
      Consumer<Boolean> onLink, LongSupplier clock, long reportMs, long quietMs, ClusterAuth auth) {
    this.vertx = vertx;
    this.auth = auth;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout((int) quietMs).setLocalAddress(localAddress));
    this.viewService = viewService;
    this.report = report;
    this.onPush = onPush;
    this.onLink = onLink;
    this.clock = clock;
    this.reportMs = reportMs;
    this.quietMs = quietMs;
  }

  /** Starts linking, and reporting every {@code reportMs} (on the caller's context). */
  void start() {
    reportTimer = vertx.setPeriodic(reportMs, t -> {
      sendReport();
      if (ws != null && clock.getAsLong() - lastMessageAt > quietMs) {
        log.warn("primary link quiet for {} ms: reconnecting", quietMs);
        drop(ws);
      }
    });
    connect();
  }

  /** Stops reporting and retrying and closes the link. */
  void close() {
    closed = true;
    vertx.cancelTimer(reportTimer);
    if (ws != null) ws.close();
  }

  boolean up() {
    return ws != null;
  }

  /** The HTTP address of the primary this link is connected to, or null when down. */
  String primaryAddress() {
    return ws == null ? null : linkedAddress;
  }

  /** Sends this car's report if linked; a link closing under us is not an error (retry follows). */
  void sendReport() {
    WebSocket socket = ws;
    if (socket == null || socket.isClosed() || socket.writeQueueFull()) return;
    socket.writeTextMessage(seal.seal(report.get().encode())).onFailure(e -> log.debug("report not sent: {}", e.getMessage()));
  }

  /**
   * One attempt: ask the view service for the primary, then open the link. Each step has its own
   * (idle) timeout, and the whole attempt a deadline besides ({@link #attemptDeadlineMs}): an
   * answer that trickles in forever resets an idle timeout at every byte, so an attempt still
   * unfinished at its deadline is abandoned (a link it opens late is closed) and the next begins.
   */
  private void connect() {
    if (closed || connecting || ws != null) return;
    connecting = true;
    long thisAttempt = ++attempt;
    long deadline = vertx.setTimer(attemptDeadlineMs(), t -> {
      if (connecting && attempt == thisAttempt) {
        log.warn("linking to the primary did not finish within {} ms: trying again", attemptDeadlineMs());
        connecting = false;
        attempt++;
        retry("attempt abandoned");
      }
    });
    String target = redirectTo;
    redirectTo = null;
    (target != null ? io.vertx.core.Future.succeededFuture(target)
        : viewService.view().map(state -> state.view().primaryAddress()))
        .compose(address -> {
          if (address == null) return io.vertx.core.Future.failedFuture("no primary yet");
          linkedAddress = address;
          WebSocketConnectOptions options = new WebSocketConnectOptions()
              .setAbsoluteURI(address.replaceFirst("^http", "ws") + LINK_PATH).setTimeout(quietMs);
          // The upgrade is signed (only a member may link) and every frame then sealed (LinkSeal).
          ClusterAuth.Upgrade upgrade = auth.signUpgrade(LINK_PATH);
          if (upgrade.header() != null) options.addHeader(MessageAuthenticator.HEADER, upgrade.header());
          seal = upgrade.seal();
          return client.connect(options);
        })
        .onComplete(ar -> {
          vertx.cancelTimer(deadline);
          if (attempt != thisAttempt) { // abandoned at its deadline: a later attempt owns the link now
            if (ar.succeeded()) ar.result().close();
            return;
          }
          connecting = false;
          if (ar.failed()) {
            retry(ar.cause().getMessage());
            return;
          }
          opened(ar.result());
        });
  }

  /** Longer than both steps' own timeouts together, so it only ends an attempt they cannot end. */
  long attemptDeadlineMs() {
    return 4 * quietMs + 2_000;
  }

  private void opened(WebSocket socket) {
    ws = socket;
    lastMessageAt = clock.getAsLong();
    log.info("linked to primary at {}", socket.remoteAddress());
    LinkSeal linkSeal = seal;
    var deliver = MessageFaults.<String>frames(text -> {
      if (ws != socket) return; // a dropped link: whatever it still delivers is from a primary we left
      lastMessageAt = clock.getAsLong();
      JsonObject message;
      try {
        message = new JsonObject(text);
      } catch (RuntimeException e) {
        log.warn("dropped a malformed frame from the primary");
        return;
      }
      if (NotPrimaryAnswer.TYPE.equals(message.getString("type"))) {
        // Follow one redirect at once; after that the view service decides, with backoff, so two
        // replicas that each name the other (both behind on views) cannot spin this node.
        redirectTo = ++redirects == 1 ? NotPrimaryAnswer.fromJson(message).primaryAddress() : null;
        drop(socket);
      } else if (Push.TYPE.equals(message.getString("type"))) {
        Push push;
        try {
          push = Push.fromJson(message);
        } catch (RuntimeException e) {
          log.warn("dropped a malformed push from the primary: {}", e.getMessage());
          return;
        }
        redirects = 0;
        failures = 0;
        onPush.accept(push);
      }
    });
    // Opened before the fault hooks: a frame they hold or repeat has passed its seal once, as it arrived.
    socket.textMessageHandler(frame -> linkSeal.open(frame).ifPresentOrElse(deliver::handle, () -> {
      log.warn("dropping the link to {}: a frame that is not the next sealed one", socket.remoteAddress());
      drop(socket);
    }));
    socket.closeHandler(v -> {
      if (ws == socket) drop(socket);
    });
    socket.exceptionHandler(e -> log.debug("primary link error: {}", e.getMessage()));
    onLink.accept(true);
    sendReport();
  }

  /**
   * Gives up this link at once and looks for the primary again. The socket is closed without
   * waiting: against a frozen primary (SIGSTOP, a dead machine) the close handshake never
   * finishes, and waiting for it would keep this node on a stale primary until that one woke.
   */
  private void drop(WebSocket socket) {
    if (ws != socket) return;
    ws = null;
    onLink.accept(false);
    socket.close().onFailure(e -> log.debug("closing a dropped link: {}", e.getMessage()));
    retry("link dropped");
  }

  private void retry(String why) {
    if (closed) return;
    long delay = redirectTo != null ? 0 : Math.min(1_000, 50L << Math.min(failures++, 5));
    if (failures == 3) log.warn("no link to a primary ({}): retrying", why);
    vertx.setTimer(Math.max(1, delay), t -> connect());
  }
}
