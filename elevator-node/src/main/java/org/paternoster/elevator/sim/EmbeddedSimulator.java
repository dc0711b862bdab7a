package org.paternoster.elevator.sim;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.paternoster.elevator.hardware.Button;

/**
 * A complete simulator (core, TCP server, optional HTTP control) running inside this JVM on a
 * verticle of its own: what the node's {@code --simulate} mode, {@link SimulatorMain} and the tests use.
 *
 * <p>Threading: the core lives on the simulator's context; every method here may be called from
 * any thread, hops onto that context and completes its future there.
 */
public final class EmbeddedSimulator {
  /** Use no HTTP control port. */
  public static final int NO_HTTP = -1;

  private final Vertx vertx;
  private final SimulatorConfig config;
  private final String host;
  /** Monotonic milliseconds: the car moves by the differences between its readings. */
  private final LongSupplier clock;
  private volatile String deploymentId;
  private volatile Context context;
  private SimulatorCore core;
  private SimulatorProtocol protocol;
  private SimulatorServer server;
  private HttpServer http;
  private volatile int port;
  private volatile int httpPort = NO_HTTP;

  private EmbeddedSimulator(Vertx vertx, SimulatorConfig config, String host, LongSupplier clock) {
    this.vertx = vertx;
    this.config = config;
    this.host = host;
    this.clock = clock;
  }

  /** On loopback, a free port, without HTTP control; {@code clock} as below. */
  public static Future<EmbeddedSimulator> start(Vertx vertx, SimulatorConfig config, LongSupplier clock) {
    return start(vertx, config, "127.0.0.1", 0, NO_HTTP, clock);
  }

  /**
   * @param port TCP port of the elevator server; 0 for any free port
   * @param httpPort port of the HTTP control; 0 for any free port, {@link #NO_HTTP} for none
   * @param clock monotonic milliseconds (a {@code MonotonicClock}), read on the simulator's context
   */
  public static Future<EmbeddedSimulator> start(
      Vertx vertx, SimulatorConfig config, String host, int port, int httpPort, LongSupplier clock) {
    EmbeddedSimulator sim = new EmbeddedSimulator(vertx, config, host, clock);
    return vertx.deployVerticle(new Verticle(sim, port, httpPort))
        .map(id -> {
          sim.deploymentId = id;
          return sim;
        });
  }

  public SimulatorConfig config() {
    return config;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The HTTP control port, or {@link #NO_HTTP}. */
  public int httpPort() {
    return httpPort;
  }

  public Future<Void> press(Button button, int floor) {
    return call(() -> {
      core.press(button, floor, clock.getAsLong());
      return null;
    });
  }

  public Future<Void> setObstruction(boolean active) {
    return call(() -> {
      core.setObstruction(active);
      return null;
    });
  }

  public Future<Void> setStop(boolean pressed) {
    return call(() -> {
      core.setStop(pressed);
      return null;
    });
  }

  public Future<Void> setMotorCut(boolean cut) {
    return call(() -> {
      if (cut) core.cutMotor(clock.getAsLong()); else core.restoreMotor(clock.getAsLong());
      return null;
    });
  }

  public Future<SimulatorState> state() {
    return call(() -> core.state(clock.getAsLong()));
  }

  public Future<SimulatorProtocol.Stats> stats() {
    return call(() -> protocol.stats());
  }

  /** Whether a client is being served (a waiting second client does not count). */
  public Future<Boolean> hasClient() {
    return call(() -> server.hasClient());
  }

  /**
   * Closes every connection and both ports. Closing again, or after the Vert.x undeployed it (a
   * closing Vert.x undeploys everything, perhaps this before the node that calls this), does nothing.
   */
  public Future<Void> close() {
    if (!vertx.deploymentIDs().contains(deploymentId)) return Future.succeededFuture();
    return vertx.undeploy(deploymentId);
  }

  private <T> Future<T> call(Supplier<T> action) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> {
      try {
        result.complete(action.get());
      } catch (RuntimeException e) {
        result.fail(e);
      }
    });
    return result.future();
  }

  private static final class Verticle extends VerticleBase {
    private final EmbeddedSimulator sim;
    private final int port;
    private final int httpPort;

    Verticle(EmbeddedSimulator sim, int port, int httpPort) {
      this.sim = sim;
      this.port = port;
      this.httpPort = httpPort;
    }

    @Override
    public Future<?> start() {
      sim.context = context;
      sim.core = new SimulatorCore(sim.config, sim.clock.getAsLong());
      sim.protocol = new SimulatorProtocol(sim.core);
      sim.server = new SimulatorServer(vertx, sim.core, sim.protocol, sim.clock);
      Future<Integer> tcp = sim.server.listen(sim.host, port).onSuccess(p -> sim.port = p);
      if (httpPort == NO_HTTP) return tcp;
      return tcp.compose(p -> vertx.createHttpServer()
          .requestHandler(SimulatorHttp.router(vertx, sim))
          .listen(httpPort, sim.host))
          .onSuccess(server -> {
            sim.http = server;
            sim.httpPort = server.actualPort();
          });
    }

    @Override
    public Future<?> stop() {
      Future<Void> tcp = sim.server.close();
      return sim.http == null ? tcp : Future.join(tcp, sim.http.close());
    }
  }
}
