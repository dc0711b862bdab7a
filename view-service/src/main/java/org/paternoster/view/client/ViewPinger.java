package org.paternoster.view.client;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paternoster.view.View;
import org.paternoster.view.ViewState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's ping loop: every ping interval it reports the view number its owner holds and
 * delivers each newer view to the owner. One ping at a time (the next waits for the previous
 * reply or its timeout of about one interval); a view service outage is logged once, not per ping.
 *
 * <p>Threading: {@link #start()}, {@link #stop()} and {@link #pingNow()} are called on the owner's
 * Vert.x context; {@code viewnum} and {@code onNewView} are called on it. The getters may be read
 * from any thread.
 *
 * <p>Invariant 3 is the owner's half: {@code viewnum} must report a view only once this server
 * holds the state that view requires (the primary acks only when its backup has the state).
 */
public final class ViewPinger {
  private static final Logger log = LoggerFactory.getLogger(ViewPinger.class);
  private static final long MIN_TIMEOUT_MS = 50;

  private final Vertx vertx;
  private final ViewServiceClient client;
  private final String serverId;
  private final String address;
  private final long intervalMs;
  private final LongSupplier viewnum;
  private final Consumer<View> onNewView;

  private Context context;
  private boolean running;
  private boolean inFlight;
  private boolean pingAgain;
  private long timer = -1;
  private int failures;
  private volatile View lastView = View.INITIAL;
  private volatile long lastAnsweredPingNanos;
  private volatile boolean replied;

  /**
   * @param viewService the view service's base URL, looked up before every ping; null while unknown
   * @param address where this server can be reached (announced in the view), or null
   * @param viewnum the view number to report: 0 after a restart, else the latest view this server holds
   * @param onNewView receives each view whose number is higher than any delivered before
   */
  public ViewPinger(Vertx vertx, WebClient webClient, Supplier<String> viewService, String serverId, String address,
      long pingIntervalMs, LongSupplier viewnum, Consumer<View> onNewView) {
    this.vertx = vertx;
    this.client = new ViewServiceClient(webClient, viewService, Math.max(MIN_TIMEOUT_MS, pingIntervalMs));
    this.serverId = serverId;
    this.address = address;
    this.intervalMs = pingIntervalMs;
    this.viewnum = viewnum;
    this.onNewView = onNewView;
  }

  /** Starts pinging at once, then every interval, on the calling context. */
  public void start() {
    context = vertx.getOrCreateContext();
    running = true;
    context.runOnContext(v -> pingIfIdle());
  }

  public void stop() {
    running = false;
    vertx.cancelTimer(timer);
  }

  /** Pings now rather than at the next interval (e.g. to ack a view at once); never overlaps pings. */
  public void pingNow() {
    if (!running) return;
    if (inFlight) {
      pingAgain = true;
      return;
    }
    vertx.cancelTimer(timer);
    pingIfIdle();
  }

  /** The latest view delivered, {@link View#INITIAL} before the first reply. */
  public View lastView() {
    return lastView;
  }

  /**
   * {@link System#nanoTime()} at which the latest answered ping was <em>sent</em>, empty if none
   * was answered yet: the view in that answer is at least that fresh (an answer read late, say
   * after this process was frozen, is dated by its question, not by when it was read).
   */
  public OptionalLong lastAnsweredPingNanos() {
    return replied ? OptionalLong.of(lastAnsweredPingNanos) : OptionalLong.empty();
  }

  private void pingIfIdle() {
    if (running && !inFlight) ping();
  }

  private void ping() {
    inFlight = true;
    long started = System.nanoTime();
    client.ping(serverId, viewnum.getAsLong(), address).onComplete(ar -> {
      inFlight = false;
      if (ar.succeeded()) received(ar.result(), started); else failed(ar.cause());
      if (!running) return;
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      long delay = pingAgain ? 0 : intervalMs - elapsedMs;
      pingAgain = false;
      if (delay < 1) context.runOnContext(v -> pingIfIdle());
      else timer = vertx.setTimer(delay, id -> pingIfIdle());
    });
  }

  private void received(ViewState state, long sentNanos) {
    lastAnsweredPingNanos = sentNanos;
    replied = true;
    if (failures > 0) log.info("{}: view service reachable again after {} failed pings", serverId, failures);
    failures = 0;
    View view = state.view();
    if (view.viewnum() > lastView.viewnum()) {
      lastView = view;
      onNewView.accept(view);
    }
  }

  private void failed(Throwable cause) {
    if (failures++ == 0) log.warn("{}: view service unreachable, still pinging: {}", serverId, cause.getMessage());
  }
}
