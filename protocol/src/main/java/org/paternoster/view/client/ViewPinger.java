package org.paternoster.view.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paternoster.view.PingAnswer;
import org.paternoster.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's ping loop: every ping interval it reports the view number its owner holds and hands
 * every answer to the owner, dated by when its ping was <em>sent</em> on the owner's clock (a
 * lease counts from there, invariant 2). One ping at a time (the next waits for the previous reply
 * or its timeout); a view service outage is logged once, not per ping.
 *
 * <p>Threading: {@link #start()}, {@link #stop()} and {@link #pingNow()} are called on the owner's
 * Vert.x context; {@code viewnum} and {@code listener} are called on it. {@link #lastView()} may be
 * read from any thread. Or, with {@link #answeringOn}, the loop runs on an event loop of its own
 * ({@link #deployOnOwnLoop}) and hands each answer to the owner's context: see there.
 *
 * <p>Invariant 3 is the owner's half: {@code viewnum} must report a view only once this server
 * holds the state that view requires (the primary acks only when its backup has the state).
 */
public final class ViewPinger {
  private static final Logger log = LoggerFactory.getLogger(ViewPinger.class);
  /**
   * How long a ping waits for its reply. Long enough that a busy view service or one TCP
   * retransmission (200 ms on Linux) does not make this process close the connection and start
   * another: the view service takes a closed connection as a hint that its server crashed
   * ({@code FailureDetector}).
   */
  private static final long MIN_TIMEOUT_MS = 500;

  /** Receives every answer; {@code sentAt} is the owner's clock when the ping left. */
  @FunctionalInterface
  public interface Listener {
    void answered(PingAnswer answer, long sentAt);
  }

  private final Vertx vertx;
  private final ViewServiceClient client;
  private final String serverId;
  private final String incarnation;
  private final String address;
  private final long intervalMs;
  private final LongSupplier clock;
  private final LongSupplier viewnum;
  private final Listener listener;

  private Context context;
  private Context owner; // where answers go; null: the loop's own context
  private BooleanSupplier ownerResponsive = () -> true;
  private boolean paused;
  private volatile boolean running;
  private boolean inFlight;
  private boolean pingAgain;
  private Supplier<String> recoveredFrom = () -> null;
  private volatile long timer = -1;
  private int failures;
  private volatile View lastView = View.INITIAL;
  private volatile boolean reachable;

  /**
   * @param viewService the view service's base URL, looked up before every ping; null while unknown
   * @param incarnation this process's incarnation (invariant 8)
   * @param address where this server can be reached (announced in the view), or null
   * @param clock the owner's clock (milliseconds), which dates each ping
   * @param viewnum the view number to report: 0 after a restart, else the latest view this server holds
   */
  public ViewPinger(Vertx vertx, WebClient webClient, Supplier<String> viewService, String serverId, String incarnation,
      String address, long pingIntervalMs, LongSupplier clock, LongSupplier viewnum, Listener listener) {
    this(vertx, new ViewServiceClient(webClient, viewService, timeoutFor(pingIntervalMs)), serverId, incarnation, address,
        pingIntervalMs, clock, viewnum, listener);
  }

  /** As above, through {@code client} (e.g. one that signs with the cluster secret; its timeout {@link #timeoutFor}). */
  public ViewPinger(Vertx vertx, ViewServiceClient client, String serverId, String incarnation,
      String address, long pingIntervalMs, LongSupplier clock, LongSupplier viewnum, Listener listener) {
    this.vertx = vertx;
    this.client = client;
    this.serverId = serverId;
    this.incarnation = incarnation;
    this.address = address;
    this.intervalMs = pingIntervalMs;
    this.clock = clock;
    this.viewnum = viewnum;
    this.listener = listener;
  }

  /**
   * Every ping also reports what {@code recovered} says: the incarnation whose durable book the
   * owner recovered, while its book is still exactly that (null: none; read from this loop's
   * thread). Call before {@link #start}.
   */
  public ViewPinger reportingRecoveredBook(Supplier<String> recovered) {
    this.recoveredFrom = recovered;
    return this;
  }

  /** How long one ping may take before it counts as failed, for pings every {@code pingIntervalMs}. */
  public static long timeoutFor(long pingIntervalMs) {
    return Math.max(MIN_TIMEOUT_MS, 4 * pingIntervalMs);
  }

  /**
   * Runs the loop apart from its owner: pings leave from the loop's own event loop, so a burst of
   * work on the owner's (say 2,048 connections opening at once, measured: over half a second) does
   * not hold them back and make a busy owner look dead. Each answer is handed to {@code owner}'s
   * context, in order, still dated by when its ping left (a lease counts from there: an answer
   * that waits on a busy owner only shortens the lease it grants). Before every ping the loop asks
   * {@code ownerResponsive} (from its own thread) and pings only while the owner has shown life:
   * a wedged owner falls silent and is found dead as before, only later. {@code viewnum} is then
   * read on the loop's thread and must be thread-safe. Call before {@link #start}.
   */
  public ViewPinger answeringOn(Context owner, BooleanSupplier ownerResponsive) {
    this.owner = owner;
    this.ownerResponsive = ownerResponsive;
    return this;
  }

  /**
   * Starts the loop in a verticle of its own on this pinger's Vert.x; its answers go where {@link
   * #answeringOn} says. For the loop to be apart from its owner's, give the pinger a Vert.x of its
   * own (one event loop): contexts of one Vert.x share its event loops round-robin.
   */
  public Future<String> deployOnOwnLoop() {
    return vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        ViewPinger.this.start();
        return Future.succeededFuture();
      }

      @Override
      public Future<?> stop() {
        ViewPinger.this.stop();
        return Future.succeededFuture();
      }
    });
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

  /** Whether the latest ping was answered (false before the first answer). May be read from any thread. */
  public boolean reachable() {
    return reachable;
  }

  /** The newest view answered so far, {@link View#INITIAL} before the first reply. */
  public View lastView() {
    return lastView;
  }

  private void pingIfIdle() {
    if (running && !inFlight) ping();
  }

  private void ping() {
    if (!ownerResponsive.getAsBoolean()) {
      if (!paused) log.warn("{}: its event loop has not run for too long: pings paused (it will be found dead)", serverId);
      paused = true;
      timer = vertx.setTimer(intervalMs, id -> pingIfIdle());
      return;
    }
    if (paused) log.info("{}: its event loop runs again: pinging", serverId);
    paused = false;
    inFlight = true;
    long sentAt = clock.getAsLong();
    long reported = viewnum.getAsLong();
    client.ping(serverId, reported, Math.max(reported, lastView.viewnum()), address, incarnation, recoveredFrom.get()).onComplete(ar -> {
      inFlight = false;
      if (ar.succeeded()) received(ar.result(), sentAt); else failed(ar.cause());
      if (!running) return;
      long delay = pingAgain ? 0 : intervalMs - (clock.getAsLong() - sentAt);
      pingAgain = false;
      if (delay < 1) context.runOnContext(v -> pingIfIdle());
      else timer = vertx.setTimer(delay, id -> pingIfIdle());
    });
  }

  private void received(PingAnswer answer, long sentAt) {
    if (failures > 0) log.info("{}: view service reachable again after {} failed pings", serverId, failures);
    failures = 0;
    reachable = true;
    if (answer.view().viewnum() > lastView.viewnum()) lastView = answer.view();
    if (owner == null || owner == context) listener.answered(answer, sentAt);
    else owner.runOnContext(v -> listener.answered(answer, sentAt));
  }

  private void failed(Throwable cause) {
    reachable = false;
    if (failures++ == 0) log.warn("{}: view service unreachable, still pinging: {}", serverId, cause.getMessage());
  }
}
