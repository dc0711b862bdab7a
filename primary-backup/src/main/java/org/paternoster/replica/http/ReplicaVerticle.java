package org.paternoster.replica.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.paternoster.assign.Assigners;
import org.paternoster.http.JsonHttp;
import org.paternoster.orders.Op;
import org.paternoster.replica.Effect;
import org.paternoster.replica.Forward;
import org.paternoster.replica.PeerReply;
import org.paternoster.replica.Replica;
import org.paternoster.replica.Role;
import org.paternoster.replica.Submission;
import org.paternoster.replica.Transfer;
import org.paternoster.replica.elevators.Dispatcher;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.View;
import org.paternoster.view.ViewJson;
import org.paternoster.view.client.ViewPinger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x shell of one controller replica. Everything runs on this verticle's event loop:
 * HTTP handlers, ping replies, peer replies and timers call the {@link Replica} core, then
 * {@link #run()} executes the effects it produced. No locks: one thread touches the core.
 */
public final class ReplicaVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ReplicaVerticle.class);

  private final ReplicaConfig config;
  private final MonotonicClock clock = new MonotonicClock();
  private final CommitWaiters waiters = new CommitWaiters();
  private final LatencyWindow latencies = new LatencyWindow(60_000);
  private ElevatorService elevators;
  private Replica core;
  private PeerLink peers;
  private ViewPinger pinger;
  private HttpServer server;
  private long lastLoggedViewnum = -1;
  private ResumeFence resumeFence;

  public ReplicaVerticle(ReplicaConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    core = new Replica(config.id(), config.pingIntervalMs());
    org.paternoster.replica.CodecWarmup.run();
    WebClient client = WebClient.create(vertx,
        // Outgoing connections leave from our own address, so a partition can be cut per address pair.
        new WebClientOptions().setKeepAlive(true).setConnectTimeout((int) config.peerTimeoutMs()).setLocalAddress(config.host()),
        new PoolOptions().setHttp1MaxSize(8));
    peers = new PeerLink(client, config.peerTimeoutMs());
    // Client bodies are tiny; a state transfer carries the whole book and the recent receipts.
    Router router = JsonHttp.router(vertx, 16 * 1024, "/replication", 64 << 20);
    elevators = new ElevatorService(vertx, core, clock, config,
        new Dispatcher(config.building(), Assigners.fromCommandLine(config.assignerCmd())), this::resumeFenceOpen);
    new OrderApi(this, config.building()).mount(router);
    new ReplicationApi(this).mount(router);
    router.get("/health").handler(ctx -> JsonHttp.ok(ctx, new JsonObject().put("status", "UP")));
    resumeFence = new ResumeFence(Math.max(100, 4 * config.pingIntervalMs()), System.nanoTime());
    vertx.setPeriodic(Math.max(1, config.pingIntervalMs() / 4), id -> {
      resumeFence.tick(System.nanoTime());
      core.tick(clock.getAsLong());
      run();
    });
    vertx.setPeriodic(100, id -> waiters.expire(clock.getAsLong(), "no commit within " + config.commitTimeoutMs() + " ms"));
    return vertx.createHttpServer().webSocketHandler(elevators::accept).requestHandler(router).listen(config.port(), config.host()).map(s -> {
      server = s;
      pinger = new ViewPinger(vertx, client, config.viewServiceUrl(), config.id(), config.address(),
          config.pingIntervalMs(), core::reportedViewnum, this::onView);
      pinger.start();
      log.info("replica {} listening on {} (view service {})", config.id(), config.address(), config.viewServiceUrl().get());
      return s;
    });
  }

  @Override
  public Future<?> stop() {
    if (pinger != null) pinger.stop();
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** See {@link ResumeFence}: closed after this process was frozen, until the view service answers again. */
  private boolean resumeFenceOpen() {
    return pinger != null && resumeFence.open(System.nanoTime(), pinger.lastAnsweredPingNanos());
  }

  Replica core() {
    return core;
  }

  /** Orders {@code op}; completes with {@code {viewnum, seq, callSeq}} once committed. */
  Future<JsonObject> submit(Op op) {
    Submission s = core.submit(op, clock.getAsLong());
    run();
    if (s instanceof Submission.NotPrimary np) return Future.failedFuture(new NotPrimary(np.view()));
    Submission.Accepted a = (Submission.Accepted) s;
    JsonObject receipt = new JsonObject().put("seq", a.receipt().seq()).put("callSeq", a.receipt().callSeq());
    if (a.committed()) return Future.succeededFuture(receipt.put("viewnum", a.viewnum()));
    long startNanos = System.nanoTime();
    Promise<Long> committed = Promise.promise();
    waiters.park(a.receipt().seq(), committed, clock.getAsLong() + config.commitTimeoutMs());
    return committed.future().map(viewnum -> {
      latencies.record(clock.getAsLong(), (System.nanoTime() - startNanos) / 1_000);
      return receipt.put("viewnum", viewnum);
    });
  }

  PeerReply onForward(Forward forward) {
    PeerReply reply = core.onForward(forward, clock.getAsLong());
    run();
    return reply;
  }

  PeerReply onTransfer(Transfer transfer) {
    PeerReply reply = core.onTransfer(transfer, clock.getAsLong());
    run();
    return reply;
  }

  private void onView(View view) {
    core.onView(view, clock.getAsLong());
    run();
    elevators.changed(); // a view change may make this replica ready (or not) to dispatch
  }

  /** Executes the core's effects in order. */
  private void run() {
    for (Effect effect : core.drain()) {
      if (effect instanceof Effect.SendForward f) {
        long attempt = f.forward().attempt();
        peers.send(f).onComplete(r -> onPeerResult(attempt, r.succeeded() ? r.result() : null));
      } else if (effect instanceof Effect.SendTransfer t) {
        long attempt = t.transfer().attempt();
        log.info("transferring state (seq {}, {} calls) to backup {}", t.snapshot().lastSeq(), t.snapshot().pending().size(), t.transfer().view().backup());
        peers.send(t).onComplete(r -> onPeerResult(attempt, r.succeeded() ? r.result() : null));
      } else if (effect instanceof Effect.Committed c) {
        waiters.commit(c.upToSeq(), core.view().viewnum());
      } else if (effect instanceof Effect.Abandoned a) {
        log.warn("no longer primary: {}", a.view());
        waiters.failAll(p -> p.tryFail(new NotPrimary(a.view())));
      }
    }
    elevators.changed(); // coalesced: at most one dispatch per event-loop turn
    logViewChange();
  }

  private void onPeerResult(long attempt, PeerReply reply) {
    if (reply == null) core.onPeerFailure(attempt, clock.getAsLong());
    else core.onPeerReply(reply, clock.getAsLong());
    run();
  }

  private void logViewChange() {
    View view = core.view();
    if (view.viewnum() != lastLoggedViewnum) {
      lastLoggedViewnum = view.viewnum();
      log.info("{}: {} as {}", config.id(), view, core.role().json());
    }
  }

  JsonObject stateJson() {
    return new JsonObject()
        .put("id", config.id())
        .put("address", config.address())
        .put("role", core.role().json())
        .put("view", ViewJson.toJson(core.view(), false))
        .put("reportedViewnum", core.reportedViewnum())
        .put("lastSeq", core.book().lastSeq())
        .put("committedSeq", core.committedSeq())
        .put("pendingCalls", core.book().pending().size())
        .put("waitingClients", waiters.size())
        .put("primary", core.role() == Role.PRIMARY)
        .put("elevators", elevators.stateJson())
        .put("commitLatency", latencies.summary(clock.getAsLong()));
  }

  ElevatorService elevators() {
    return elevators;
  }
}
