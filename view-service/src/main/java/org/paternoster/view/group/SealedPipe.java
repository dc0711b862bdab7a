package org.paternoster.view.group;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.function.Supplier;
import org.paternoster.security.TunnelSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins one sealed connection (to or from another member) to one plain connection (the local
 * consensus engine) through a {@link TunnelSeal}. The plain side is asked for only once the
 * handshake has verified, so nothing of a stranger's reaches it and nothing of it reaches a
 * stranger; a handshake that does not finish within {@link #HANDSHAKE_TIMEOUT_MS}, any failed
 * chunk, or either side closing closes both. Back-pressure both ways: a side whose writes queue up
 * pauses the other. Runs on the event loop of the sealed connection.
 */
final class SealedPipe {
  static final long HANDSHAKE_TIMEOUT_MS = 2_000;
  private static final Logger log = LoggerFactory.getLogger(SealedPipe.class);

  private final Vertx vertx;
  private final NetSocket sealed;
  private final TunnelSeal seal;
  private final Supplier<Future<NetSocket>> plainSide;
  private final String what;
  private final Runnable onHandshakeEnd;
  private final Runnable onClose;
  private final Buffer held = Buffer.buffer();
  private NetSocket plain;
  private boolean askedForPlain;
  private boolean closed;
  private boolean handshakeEnded;
  private long timer;

  /**
   * @param plainSide gives the plain connection once the handshake verified (the local engine's
   *     connection, paused until then, or a new connection to it)
   * @param onHandshakeEnd run once, when the handshake verified or the pipe closed before that
   * @param onClose run once when the pipe closes, whenever that is: a plain connection that exists
   *     before the handshake (the relay's) must be closed by it, or the local engine would wait
   *     forever on a connection nobody reads (seen: a member whose handshake was cut by a restart)
   */
  SealedPipe(Vertx vertx, NetSocket sealed, TunnelSeal seal, Supplier<Future<NetSocket>> plainSide, String what,
      Runnable onHandshakeEnd, Runnable onClose) {
    this.vertx = vertx;
    this.sealed = sealed;
    this.seal = seal;
    this.plainSide = plainSide;
    this.what = what;
    this.onHandshakeEnd = onHandshakeEnd;
    this.onClose = onClose;
  }

  void start() {
    timer = vertx.setTimer(HANDSHAKE_TIMEOUT_MS, t -> {
      if (!seal.open()) close("the handshake did not finish in " + HANDSHAKE_TIMEOUT_MS + " ms");
    });
    sealed.handler(this::fromSealed);
    sealed.closeHandler(v -> close(null));
    sealed.exceptionHandler(e -> close(e.getMessage()));
    sealed.write(Buffer.buffer(seal.hello()));
  }

  private void fromSealed(Buffer bytes) {
    if (closed) return;
    TunnelSeal.Step step = seal.receive(bytes.getBytes());
    if (step.send().length > 0) sealed.write(Buffer.buffer(step.send()));
    if (step.failed().isPresent()) {
      close(step.failed().get());
      return;
    }
    if (step.deliver().length > 0) toPlain(Buffer.buffer(step.deliver()));
    if (seal.open() && !askedForPlain) connectPlain();
  }

  private void connectPlain() {
    askedForPlain = true;
    vertx.cancelTimer(timer);
    endHandshake();
    sealed.pause();
    plainSide.get().onComplete(ar -> {
      if (ar.failed()) {
        close("the local side is not reachable: " + ar.cause().getMessage());
        return;
      }
      plain = ar.result();
      if (closed) {
        plain.close();
        return;
      }
      plain.handler(this::fromPlain);
      plain.closeHandler(v -> close(null));
      plain.exceptionHandler(e -> close(e.getMessage()));
      if (held.length() > 0) toPlain(held.copy());
      plain.resume();
      if (!plain.writeQueueFull()) sealed.resume();
    });
  }

  private void toPlain(Buffer bytes) {
    if (plain == null) {
      held.appendBuffer(bytes);
      return;
    }
    plain.write(bytes);
    if (plain.writeQueueFull()) {
      sealed.pause();
      plain.drainHandler(v -> sealed.resume());
    }
  }

  private void fromPlain(Buffer bytes) {
    if (closed) return;
    sealed.write(Buffer.buffer(seal.seal(bytes.getBytes())));
    if (sealed.writeQueueFull()) {
      plain.pause();
      sealed.drainHandler(v -> plain.resume());
    }
  }

  private void endHandshake() {
    if (handshakeEnded) return;
    handshakeEnded = true;
    onHandshakeEnd.run();
  }

  private void close(String why) {
    if (closed) return;
    closed = true;
    vertx.cancelTimer(timer);
    endHandshake();
    if (why != null) {
      if (seal.open()) log.info("consensus tunnel {} closed: {}", what, why);
      else log.warn("consensus tunnel {} refused: {}", what, why);
    }
    sealed.close();
    if (plain != null) plain.close();
    onClose.run();
  }
}
