package org.paternoster.elevator.node;

import org.paternoster.http.ServerLimits;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.paternoster.assign.Standby;
import org.paternoster.elevator.fsm.ElevatorState;
import org.paternoster.elevator.fsm.FsmRunner;
import org.paternoster.elevator.hardware.DriverConfig;
import org.paternoster.elevator.hardware.ElevatorDriver;
import org.paternoster.elevator.sim.EmbeddedSimulator;
import org.paternoster.elevator.sim.SimulatorHttp;
import org.paternoster.faults.MessageFaults;
import org.paternoster.http.JsonHttp;
import org.paternoster.http.ServerSentEvents;
import org.paternoster.metrics.ProcessMetrics;
import org.paternoster.orders.Call;
import org.paternoster.replica.client.OrderClient;
import org.paternoster.replica.client.OrderWithdrawn;
import org.paternoster.replica.elevators.ElevatorReport;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.client.ViewServiceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One elevator node: the car (driver + state machine), the node core, the link to the primary,
 * the order client and the HTTP API, all on this verticle's event loop. After every input the
 * core's commands run (durable write first, then submissions), then the car's calls and lamps are
 * set from the core.
 */
public final class NodeVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(NodeVerticle.class);

  private final NodeConfig config;
  private final MonotonicClock clock = new MonotonicClock();
  private final AtomicLong requests = new AtomicLong();
  private final String incarnation = Long.toString(System.currentTimeMillis(), 36);
  private NodeCore core;
  private CabStore store;
  private FsmRunner car;
  private ElevatorDriver driver;
  private EmbeddedSimulator simulator;
  private OrderClient orders;
  private PrimaryLink link;
  private HttpServer server;
  private Set<Call> lastServe = Set.of();
  private Standby lastStandby = Standby.NONE;
  private Set<Call> lastLit = Set.of();
  private boolean hardwareUp;
  private final DoorLog doors = new DoorLog(System::currentTimeMillis);
  /** Each press being resent, with the flag that withdraws it (event-loop confined). */
  private final Map<Call, AtomicBoolean> withdrawFlags = new HashMap<>();
  /** When each unlit button was pressed, for the lamp latency (event-loop confined). */
  private final Map<Call, Long> pressedAt = new HashMap<>();
  /** {@code GET /lights/events}: the panels' lamps, at once and on every change (watch instead of polling {@code /state}). */
  private final ServerSentEvents lightEvents = new ServerSentEvents();
  /** {@code paternoster_lamp_latency_seconds}: a press of an unlit button until its lamp lights. */
  private Timer lampLatency;

  public NodeVerticle(NodeConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    lampLatency = Timer.builder("paternoster.lamp.latency")
        .description("from a press of an unlit button to its lamp lighting (committed, or offline)")
        .publishPercentileHistogram().register(ProcessMetrics.registry());
    Future<String> hardware = config.simulator() == null
        ? Future.succeededFuture(config.hardware())
        : EmbeddedSimulator.start(vertx, config.simulator(), clock).map(sim -> {
          simulator = sim;
          return sim.host() + ":" + sim.port();
        });
    return hardware.compose(this::startNode);
  }

  private Future<?> startNode(String hardware) {
    core = new NodeCore(config.id(), config.offlineAfterMs());
    store = new CabStore(config.dataDir());
    if (!store.durable()) log.warn("no --data-dir: cab calls will not survive a restart of this node");
    DriverConfig driverConfig = DriverConfig.parse(hardware, config.floors()).withPollIntervalMs(config.pollMs());
    // The built-in simulator answers a whole poll in one segment; other servers get one read at a time.
    driver = new ElevatorDriver(vertx, simulator == null ? driverConfig : driverConfig.withPipelinedPolls());
    car = new FsmRunner(driver, config.fsm(), clock, new CarListener());
    // Outgoing connections leave from our own address, so a partition can be cut per address pair.
    WebClient http = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setLocalAddress(config.host()));
    orders = new OrderClient(vertx, http, config.viewServiceUrl(), OrderClient.NODE_REQUEST_TIMEOUT_MS, OrderClient.NODE_MAX_BACKOFF_MS,
        config.auth());
    link = new PrimaryLink(vertx, config.host(), new ViewServiceClient(http, config.viewServiceUrl(), 500, config.auth()), this::report,
        push -> {
          // The primary we are linked to is a primary the order client can use even when the
          // view service is unreachable.
          if (push.primary() != null) orders.learnPrimary(push.viewnum(), push.primary(), link.primaryAddress());
          core.pushed(push, clock.getAsLong());
          apply();
        },
        up -> {
          core.link(up, clock.getAsLong());
          apply();
        },
        clock, config.reportMs(), config.offlineAfterMs(), config.auth());
    core.restore(store.load());
    car.start();
    vertx.setPeriodic(100, t -> {
      core.tick(clock.getAsLong());
      apply();
    });
    // With a cluster secret, only members may press buttons or inject faults here (reads stay open).
    Router router = JsonHttp.router(vertx, 4096, config.auth());
    MessageFaults.mountIfEnabled(vertx, router); // chaos runs only
    ProcessMetrics.mount(router);
    router.get("/state").handler(ctx -> JsonHttp.ok(ctx, stateJson()));
    router.get("/lights/events").handler(ctx -> lightEvents.subscribe(ctx, NodeState.lights(config, lastLit)));
    router.get("/health").handler(ctx -> JsonHttp.ok(ctx, health()));
    if (simulator != null) SimulatorHttp.mountControls(router, simulator);
    return driver.start()
        .compose(v -> ServerLimits.server(vertx).requestHandler(router).listen(config.port(), config.host()))
        .map(s -> {
          server = s;
          link.start();
          apply();
          log.info("elevator {} on {} ({}), HTTP {}", config.id(), hardware, simulator != null ? "simulated" : "hardware", config.address());
          return s;
        });
  }

  @Override
  public Future<?> stop() {
    if (link != null) link.close();
    if (car != null) car.close();
    lightEvents.closeAll();
    Future<?> closing = server == null ? Future.succeededFuture() : server.close();
    return closing.compose(v -> driver == null ? Future.succeededFuture() : driver.close())
        .compose(v -> simulator == null ? Future.succeededFuture() : simulator.close());
  }

  /** Runs the core's commands, then hands the car its calls and lamps when they changed. */
  private void apply() {
    for (NodeCommand command : core.drain()) {
      if (command instanceof NodeCommand.PersistCab p) {
        store.save(p.cab()); // before any lamp below shows it: fsync, then light
      } else if (command instanceof NodeCommand.SubmitPress p) {
        AtomicBoolean withdrawn = new AtomicBoolean();
        withdrawFlags.put(p.call(), withdrawn);
        orders.press(requestId(), p.call(), Long.MAX_VALUE, withdrawn::get).onComplete(ar -> {
          withdrawFlags.remove(p.call(), withdrawn);
          if (ar.succeeded()) {
            core.committed(p.call(), ar.result());
          } else if (ar.cause() instanceof OrderWithdrawn) {
            core.withdrawn(p.call());
          } else {
            log.warn("press of {} rejected: {}", p.call(), ar.cause().getMessage());
          }
          apply();
        });
      } else if (command instanceof NodeCommand.WithdrawPress w) {
        AtomicBoolean withdrawn = withdrawFlags.get(w.call());
        if (withdrawn != null) withdrawn.set(true);
      } else if (command instanceof NodeCommand.SubmitServed s) {
        orders.served(requestId(), s.call(), s.callSeq(), Long.MAX_VALUE)
            .onFailure(e -> log.warn("served {} rejected: {}", s.call(), e.getMessage()));
      }
    }
    Set<Call> serve = core.toServe();
    if (!serve.equals(lastServe)) {
      lastServe = serve;
      car.setCalls(CallMapping.toCalls(config.floors(), serve));
    }
    Standby standby = core.standby();
    if (!standby.equals(lastStandby)) {
      lastStandby = standby;
      car.setStandby(standby);
    }
    Set<Call> lit = core.lit();
    if (!lit.equals(lastLit)) {
      for (Call call : lit) {
        Long at = pressedAt.remove(call);
        if (at != null && !lastLit.contains(call)) lampLatency.record(Duration.ofMillis(clock.getAsLong() - at));
      }
      lastLit = lit;
      car.setButtonLamps(CallMapping.toCalls(config.floors(), lit));
      lightEvents.publish(() -> NodeState.lights(config, lit));
    }
  }

  private String requestId() {
    return config.id() + "-" + incarnation + "-" + requests.incrementAndGet();
  }

  /** This car's report to the primary ({@link ElevatorReport}, the primary reads it with the same codec). */
  private JsonObject report() {
    ElevatorState s = car.state();
    boolean available = hardwareUp && s.available();
    return new ElevatorReport(config.id(), config.address(), s.floor(), s.behaviour(), s.direction(),
        available, available ? null : hardwareUp ? s.unavailable() : "hardware", s.obstruction(), core.viewnum()).toJson();
  }

  /**
   * {@code GET /health}: UP while the car's hardware answers and a primary is linked; DEGRADED
   * offline (the car still serves what it shows) or without hardware (it cannot move).
   */
  private JsonObject health() {
    boolean online = core.online();
    return new JsonObject()
        .put("status", hardwareUp && online ? "UP" : "DEGRADED")
        .put("elevator", config.id())
        .put("hardware", hardwareUp ? "connected" : "disconnected")
        .put("primary", online ? link.primaryAddress() : null)
        .put("online", online)
        .put("cabStore", store.durable() ? "durable" : "memory");
  }

  private JsonObject stateJson() {
    return NodeState.json(config, car.state(), core, hardwareUp, store.durable()).put("doorOpenings", doors.json());
  }

  /** The car's events, on this context. */
  private final class CarListener implements FsmRunner.Listener {
    @Override
    public void onButtonPressed(org.paternoster.elevator.fsm.Call button) {
      Call pressed = CallMapping.toOrder(button, config.id());
      if (!lastLit.contains(pressed)) pressedAt.putIfAbsent(pressed, clock.getAsLong());
      core.pressed(pressed);
      apply();
    }

    @Override
    public void onServed(org.paternoster.elevator.fsm.Call button) {
      Call served = CallMapping.toOrder(button, config.id());
      pressedAt.remove(served);
      core.served(served);
      apply();
    }

    @Override
    public void onStateChanged(ElevatorState state) {
      doors.onState(state);
      if (link != null) link.sendReport();
    }

    @Override
    public void onHardwareConnection(boolean connected) {
      hardwareUp = connected;
      log.info("hardware {}", connected ? "connected" : "disconnected");
      if (link != null) link.sendReport();
    }
  }
}
