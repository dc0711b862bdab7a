package org.paternoster.replica.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.paternoster.security.ClusterAuth;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.paternoster.orders.Call;
import org.paternoster.orders.CallJson;
import org.paternoster.view.View;
import org.paternoster.view.client.ViewServiceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits orders to whichever replica is primary, until they are committed. It caches the view,
 * follows "not primary" redirects, asks the view service again after a timeout or refusal, waits
 * as long as an overloaded primary's {@code Retry-After} asks, and resends the <em>same request id</em> with jittered backoff — so a retry is never a second order
 * (invariant 6). Futures complete on the caller's Vert.x context.
 *
 * <p>Completes with the primary's {@link CommitReceipt};
 * fails only with {@link OrderRejected} (400), when {@code deadlineMs} passes, or with
 * {@link OrderWithdrawn} once the caller's {@code withdrawn} says so (checked before each attempt;
 * an attempt already sent may still be committed, and is then answered as usual).
 */
public final class OrderClient {
  private static final Logger log = LoggerFactory.getLogger(OrderClient.class);

  private final Vertx vertx;
  private final WebClient http;
  private final ViewServiceClient viewService;
  private final long requestTimeoutMs;
  private final Backoff backoff;
  private final ClusterAuth auth;
  /**
   * How long a client whose primary refused or dropped its connection waits at the view service for
   * a newer view: longer than a crash takes to be announced (about 0.1-0.2 s), short enough that a
   * client whose primary only restarted its server tries it again twice a second. (A request that
   * times out is retried as before: the primary may be alive and holding it until it can commit.)
   */
  static final long NEWER_VIEW_WAIT_MS = 500;
  /**
   * How long an elevator node waits for one request before it asks the view service again: long
   * enough that a new primary holding the order until it can commit answers it (a failover's first
   * commit), instead of the node giving up and backing off just before that answer.
   */
  public static final long NODE_REQUEST_TIMEOUT_MS = 500;
  /** The longest wait between an elevator node's retries. */
  public static final long NODE_MAX_BACKOFF_MS = 500;
  /** How soon a primary that has not yet heard of its promotion is asked again (it pings every 25 ms). */
  static final long LAGGING_PRIMARY_RETRY_MS = 5;
  /** For how long after this client learned a view such quick retries are made (then the usual backoff). */
  static final long LAGGING_PRIMARY_WINDOW_NS = 100_000_000;

  private volatile View view = View.INITIAL;
  private volatile long viewLearnedAt = System.nanoTime();

  /** A client for interactive latency: retries at most 50 ms apart. */
  public OrderClient(Vertx vertx, WebClient http, Supplier<String> viewServiceUrl, long requestTimeoutMs) {
    this(vertx, http, viewServiceUrl, requestTimeoutMs, 50);
  }

  /** {@code maxBackoffMs} bounds the jittered wait between retries (a node offline for long waits longer). */
  public OrderClient(Vertx vertx, WebClient http, Supplier<String> viewServiceUrl, long requestTimeoutMs, long maxBackoffMs) {
    this(vertx, http, viewServiceUrl, requestTimeoutMs, maxBackoffMs, ClusterAuth.open());
  }

  /** As above, signing every request with the cluster secret and believing only members' answers. */
  public OrderClient(Vertx vertx, WebClient http, Supplier<String> viewServiceUrl, long requestTimeoutMs, long maxBackoffMs, ClusterAuth auth) {
    this.vertx = vertx;
    this.http = http;
    this.auth = auth;
    this.viewService = new ViewServiceClient(http, viewServiceUrl, requestTimeoutMs, auth);
    this.requestTimeoutMs = requestTimeoutMs;
    this.backoff = new Backoff(5, maxBackoffMs);
  }

  /** The view this client last learned (from the view service or a redirect). */
  public View view() {
    return view;
  }

  public Future<CommitReceipt> press(String requestId, Call call, long deadlineMs) {
    return submit("/orders", CallJson.toJson(call).put("id", requestId), deadlineMs);
  }

  /** A press the caller may withdraw while it is being retried (see {@link OrderWithdrawn}). */
  public Future<CommitReceipt> press(String requestId, Call call, long deadlineMs, BooleanSupplier withdrawn) {
    Promise<CommitReceipt> done = Promise.promise();
    attempt("/orders", CallJson.toJson(call).put("id", requestId).toBuffer(), deadlineMs, 0, done, withdrawn);
    return done.future();
  }

  public Future<CommitReceipt> served(String requestId, Call call, long callSeq, long deadlineMs) {
    return submit("/orders/served", CallJson.toJson(call).put("id", requestId).put("callSeq", callSeq), deadlineMs);
  }

  /** POSTs {@code body} to the primary's {@code path} until committed or {@code deadlineMs} (epoch ms). */
  public Future<CommitReceipt> submit(String path, JsonObject body, long deadlineMs) {
    Promise<CommitReceipt> done = Promise.promise();
    attempt(path, body.toBuffer(), deadlineMs, 0, done, () -> false);
    return done.future();
  }

  private void attempt(String path, Buffer body, long deadlineMs, int tries, Promise<CommitReceipt> done, BooleanSupplier withdrawn) {
    if (withdrawn.getAsBoolean()) {
      done.tryFail(new OrderWithdrawn());
      return;
    }
    if (System.currentTimeMillis() > deadlineMs) {
      done.tryFail("not committed before the deadline after " + tries + " attempts");
      return;
    }
    String primary = view.primaryAddress();
    if (primary == null) {
      refreshView().onComplete(x -> retryLater(path, body, deadlineMs, tries, done, withdrawn));
      return;
    }
    Future<HttpResponse<Buffer>> sent;
    try {
      sent = auth.send(http.postAbs(primary + path).timeout(requestTimeoutMs), body);
    } catch (IllegalStateException closed) { // the caller closed our WebClient (shutting down) while a retry waited
      done.tryFail(new IllegalStateException("not committed: the client was closed", closed));
      return;
    }
    sent.onComplete(ar -> {
      if (ar.failed()) {
        if (ar.cause() instanceof java.util.concurrent.TimeoutException) {
          // Slow or stopped: a live primary may simply be holding the order until it can commit.
          refreshView().onComplete(x -> retryLater(path, body, deadlineMs, tries, done, withdrawn));
          return;
        }
        // Refused or closed: the primary's process is gone, and only a new view helps. Wait for it
        // at the view service and go at once when it comes (a failover's first commit).
        long known = view.viewnum();
        awaitNewerView(known).onComplete(x -> {
          if (view.viewnum() > known) attempt(path, body, deadlineMs, tries + 1, done, withdrawn);
          else retryLater(path, body, deadlineMs, tries, done, withdrawn);
        });
        return;
      }
      HttpResponse<Buffer> response = ar.result();
      switch (response.statusCode()) {
        case 200 -> {
          try {
            done.tryComplete(CommitReceipt.fromJson(response.bodyAsJsonObject()));
          } catch (RuntimeException e) {
            done.tryFail(new IllegalStateException("unreadable answer from the primary: " + e.getMessage(), e));
          }
        }
        case 400 -> done.tryFail(new OrderRejected(errorOf(response)));
        default -> {
          NotPrimaryAnswer answer = notPrimaryOf(response);
          long retryAfterMs = retryAfterMs(response);
          if (retryAfterMs > 0) {
            // Pushed back (an overloaded primary ordered nothing): the same primary, after the time it asked for.
            vertx.setTimer(Math.max(retryAfterMs, backoff.delay(tries)), t -> attempt(path, body, deadlineMs, tries + 1, done, withdrawn));
          } else if (learnRedirect(answer)) {
            attempt(path, body, deadlineMs, tries + 1, done, withdrawn);
          } else if (answer != null && answer.viewnum() < view.viewnum() && System.nanoTime() - viewLearnedAt < LAGGING_PRIMARY_WINDOW_NS) {
            // The view service promoted it but it has not heard yet: it will on its next ping.
            vertx.setTimer(LAGGING_PRIMARY_RETRY_MS, t -> attempt(path, body, deadlineMs, tries + 1, done, withdrawn));
          } else {
            refreshView().onComplete(x -> retryLater(path, body, deadlineMs, tries, done, withdrawn));
          }
        }
      }
    });
  }

  private void retryLater(String path, Buffer body, long deadlineMs, int tries, Promise<CommitReceipt> done, BooleanSupplier withdrawn) {
    vertx.setTimer(backoff.delay(tries), t -> attempt(path, body, deadlineMs, tries + 1, done, withdrawn));
  }

  /** An answer's {@code Retry-After} (delay in seconds) in milliseconds; 0 when absent or not a number of seconds. */
  public static long retryAfterMs(HttpResponse<Buffer> response) {
    return retryAfterMs(response.getHeader("retry-after"));
  }

  /** The wait a {@code Retry-After} header value asks for, in ms (whole seconds only), or 0 without a usable one. */
  public static long retryAfterMs(String header) {
    if (header == null || !header.matches("\\d{1,4}")) return 0;
    return Long.parseLong(header) * 1_000;
  }

  /** A "not primary" answer naming a newer primary: follow it at once. */
  private boolean learnRedirect(NotPrimaryAnswer answer) {
    if (answer == null || answer.viewnum() <= view.viewnum() || answer.primaryAddress() == null) return false;
    learn(new View(answer.viewnum(), answer.primary(), null, answer.primaryAddress(), null));
    return true;
  }

  /** The body of a "not primary" answer (503), or null when it is not one (say, "not committed yet"). */
  private static NotPrimaryAnswer notPrimaryOf(HttpResponse<Buffer> response) {
    try {
      JsonObject o = response.bodyAsJsonObject();
      return o != null && NotPrimaryAnswer.TYPE.equals(o.getString("type")) ? NotPrimaryAnswer.fromJson(o) : null;
    } catch (RuntimeException e) {
      log.debug("unreadable 503 body", e);
      return null;
    }
  }

  /**
   * A primary heard of elsewhere than the view service (say, the replica an elevator node is
   * linked to and gets assignments from). Taken only when it is news: a higher view, or the same
   * view while this client knows no primary address. This keeps orders flowing while the view
   * service is down; a wrong hint only costs one "not primary" redirect.
   */
  public void learnPrimary(long viewnum, String primary, String address) {
    if (address == null) return;
    if (viewnum > view.viewnum() || (viewnum == view.viewnum() && view.primaryAddress() == null)) {
      learn(new View(viewnum, primary, null, address, null));
    }
  }

  /** The view service's first view above {@code viewnum}, waited for up to {@link #NEWER_VIEW_WAIT_MS}; adopted if newer. */
  private Future<View> awaitNewerView(long viewnum) {
    return viewService.viewAfter(viewnum, NEWER_VIEW_WAIT_MS).map(state -> {
      learn(state.view());
      return view;
    }).otherwise(view);
  }

  /** Adopts {@code next} unless it is older than the view this client knows. */
  private void learn(View next) {
    if (next.viewnum() < view.viewnum()) return;
    if (next.viewnum() > view.viewnum()) viewLearnedAt = System.nanoTime();
    view = next;
  }

  private Future<View> refreshView() {
    return viewService.view().map(state -> {
      learn(state.view());
      return view;
    }).otherwise(view);
  }

  private static String errorOf(HttpResponse<Buffer> response) {
    try {
      return response.bodyAsJsonObject().getString("error", "rejected");
    } catch (RuntimeException e) {
      return "rejected: " + response.statusMessage();
    }
  }
}
