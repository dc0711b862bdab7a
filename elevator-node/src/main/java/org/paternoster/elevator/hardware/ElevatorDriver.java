package org.paternoster.elevator.hardware;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.paternoster.assign.MotorDirection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives an elevator through the TTK4145 elevator-server protocol over TCP. A thin shell: the
 * {@link PollingConnection} moves bytes, {@link EdgeDetector} turns polls into events,
 * {@link Outputs} remembers what the lamps and motor should show.
 *
 * <p>Invariants: a floor outside the building is never sent (the official simulator crashes on
 * it); a lamp is written only when it changes, and after every reconnect all outputs, lamps that
 * are off included, are written again so the server shows exactly the remembered state.
 *
 * <p>Threading: lives on the context current when it was constructed (a fresh event-loop context
 * when constructed off Vert.x). All state is touched only there and events are delivered there;
 * commands from other threads hop onto it. Never blocks, never throws for I/O reasons.
 */
public final class ElevatorDriver implements ElevatorIo {
  private static final Logger log = LoggerFactory.getLogger(ElevatorDriver.class);

  private final Context context;
  private final DriverConfig config;
  private final EdgeDetector edges;
  private final Outputs outputs;
  private final PollingConnection connection;
  private HardwareListener listener = event -> {};
  private volatile boolean connected;
  private boolean started;
  private boolean closed;

  public ElevatorDriver(Vertx vertx, DriverConfig config) {
    this.context = vertx.getOrCreateContext();
    this.config = config;
    this.edges = new EdgeDetector(config.floors());
    this.outputs = new Outputs(config.floors());
    this.connection = new PollingConnection(vertx, config, new Session());
  }

  /** Starts connecting and polling; completes at once (watch for {@link HardwareEvent.Connected}). */
  public Future<Void> start() {
    Promise<Void> done = Promise.promise();
    onContext(() -> {
      if (!started && !closed) {
        started = true;
        connection.start();
      }
      done.complete();
    });
    return done.future();
  }

  /** Stops polling and reconnecting and closes the connection (the server then stops the motor). */
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    onContext(() -> {
      closed = true;
      connected = false;
      connection.close(done::complete);
    });
    return done.future();
  }

  /** Whether the server is answering polls right now; readable from any thread. */
  public boolean isConnected() {
    return connected;
  }

  @Override
  public int floors() {
    return config.floors();
  }

  @Override
  public Context context() {
    return context;
  }

  @Override
  public void setListener(HardwareListener listener) {
    onContext(() -> {
      this.listener = listener;
      edges.reset();
    });
  }

  @Override
  public void setMotor(MotorDirection direction) {
    onContext(() -> {
      outputs.setMotor(direction);
      send(Frame.motor(direction));
    });
  }

  @Override
  public void setButtonLamp(Button button, int floor, boolean on) {
    if (!button.existsAt(floor, config.floors())) {
      log.warn("dropped lamp {} at floor {}: no such button in {} floors", button, floor, config.floors());
      return;
    }
    onContext(() -> {
      if (outputs.setButtonLamp(button, floor, on)) send(Frame.buttonLamp(button, floor, on));
    });
  }

  @Override
  public void setFloorIndicator(int floor) {
    if (!Frame.isValidFloor(floor, config.floors())) {
      log.warn("dropped floor indicator {}: outside 0..{}", floor, config.floors() - 1);
      return;
    }
    onContext(() -> {
      if (outputs.setFloorIndicator(floor)) send(Frame.floorIndicator(floor));
    });
  }

  @Override
  public void setDoorLamp(boolean on) {
    onContext(() -> {
      if (outputs.setDoorLamp(on)) send(Frame.doorLamp(on));
    });
  }

  @Override
  public void setStopLamp(boolean on) {
    onContext(() -> {
      if (outputs.setStopLamp(on)) send(Frame.stopLamp(on));
    });
  }

  private void send(Frame frame) {
    connection.send(frame.toBuffer());
  }

  private void emit(HardwareEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      log.error("hardware listener failed on {}", event, e);
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private final class Session implements PollingConnection.Session {
    @Override
    public void opened() {
      edges.reset();
      Buffer restore = Buffer.buffer();
      outputs.all().forEach(frame -> frame.appendTo(restore));
      connection.send(restore);
    }

    @Override
    public void answered() {
      connected = true;
      emit(new HardwareEvent.Connected());
    }

    @Override
    public void sampled(Sample sample) {
      for (HardwareEvent event : edges.next(sample)) {
        if (closed) return;
        emit(event);
      }
    }

    @Override
    public void lost(String reason) {
      connected = false;
      emit(new HardwareEvent.Disconnected());
    }
  }
}
