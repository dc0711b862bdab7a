package org.paternoster.elevator.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import org.paternoster.assign.MotorDirection;
import org.paternoster.elevator.hardware.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The elevator server over TCP, the way the official one behaves: it serves one client at a time.
 * A second client's connect succeeds but its socket is paused, so it gets no replies until every
 * client before it has left; its requests then run in the order they were sent. When the active
 * client disconnects the motor stops.
 *
 * <p>Threading: must be created and used on one Vert.x context, which owns the {@link SimulatorCore}.
 */
public final class SimulatorServer {
  private static final Logger log = LoggerFactory.getLogger(SimulatorServer.class);

  private final Vertx vertx;
  private final SimulatorCore core;
  private final SimulatorProtocol protocol;
  private final LongSupplier clock;
  private final Deque<NetSocket> waiting = new ArrayDeque<>();
  private NetServer server;
  private NetSocket active;

  public SimulatorServer(Vertx vertx, SimulatorCore core, SimulatorProtocol protocol, LongSupplier clock) {
    this.vertx = vertx;
    this.core = core;
    this.protocol = protocol;
    this.clock = clock;
  }

  /** Listens on {@code host:port} (0 = any free port); completes with the actual port. */
  public Future<Integer> listen(String host, int port) {
    server = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true)).connectHandler(this::onConnect);
    return server.listen(port, host).map(NetServer::actualPort);
  }

  public Future<Void> close() {
    if (active != null) active.close();
    waiting.forEach(NetSocket::close);
    waiting.clear();
    active = null;
    return server == null ? Future.succeededFuture() : server.close();
  }

  public boolean hasClient() {
    return active != null;
  }

  private void onConnect(NetSocket socket) {
    socket.handler(RecordParser.newFixed(Frame.SIZE, frame -> onFrame(socket, frame)));
    socket.closeHandler(v -> onClose(socket));
    socket.exceptionHandler(e -> log.debug("client {}: {}", socket.remoteAddress(), e.getMessage()));
    if (active == null) {
      activate(socket);
    } else {
      socket.pause();
      waiting.add(socket);
      log.info("client {} waits: serving {}", socket.remoteAddress(), active.remoteAddress());
    }
  }

  private void activate(NetSocket socket) {
    active = socket;
    socket.resume();
    log.info("serving client {}", socket.remoteAddress());
  }

  private void onFrame(NetSocket socket, Buffer bytes) {
    if (socket != active) return;
    protocol.handle(Frame.readFrom(bytes, 0), clock.getAsLong())
        .ifPresent(reply -> socket.write(reply.toBuffer()));
  }

  private void onClose(NetSocket socket) {
    if (socket != active) {
      waiting.remove(socket);
      return;
    }
    active = null;
    core.setMotor(MotorDirection.STOP, clock.getAsLong());
    log.info("client {} left; motor stopped", socket.remoteAddress());
    NetSocket next = waiting.poll();
    if (next != null) activate(next);
  }
}
