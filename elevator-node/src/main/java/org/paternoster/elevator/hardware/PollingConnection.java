package org.paternoster.elevator.hardware;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP connection to an elevator server, kept alive for as long as it is open: polling (one
 * read at a time, or pipelined: {@link DriverConfig#pipelined()}), reply matching, poll timeouts
 * and reconnection with exponential backoff.
 *
 * <p>Invariant: at most one poll is outstanding, so the replies in hand always belong to it; in
 * lock-step, at most one of its reads is, so a server that answers one request at a time is never
 * left holding replies for an ACK. Any surplus or mismatched reply, or a poll unanswered in time,
 * resets the connection rather than guessing. The backoff returns to its minimum only after a
 * poll is answered, so a server that accepts and then stays silent (it is serving another client)
 * is retried slowly, never in a spin.
 *
 * <p>Threading: every method and callback runs on the owner's context (the caller guarantees it).
 */
final class PollingConnection {
  /** What the owner learns; all calls on the owner's context. */
  interface Session {
    /** A TCP connection is open; frames sent now arrive before the first poll. */
    void opened();

    /** The first poll on this connection was answered. */
    void answered();

    void sampled(Sample sample);

    /** A connection that had {@link #answered()} is gone; reconnecting has started. */
    void lost(String reason);
  }

  private static final Logger log = LoggerFactory.getLogger(PollingConnection.class);

  private final Vertx vertx;
  private final DriverConfig config;
  private final Poll poll;
  private final Session session;
  private final NetClient client;
  private NetSocket socket;
  private boolean answered;
  private Buffer replies;
  private int readsSent; // of the poll outstanding
  private long pollTimer = -1;
  private long pollPeriodic = -1;
  private long reconnectTimer = -1;
  private long backoffMs;
  private int failedAttempts;
  private boolean closed;

  PollingConnection(Vertx vertx, DriverConfig config, Session session) {
    this.vertx = vertx;
    this.config = config;
    this.poll = new Poll(config.floors());
    this.session = session;
    this.backoffMs = config.minBackoffMs();
    this.client = vertx.createNetClient(new NetClientOptions()
        .setConnectTimeout(config.connectTimeoutMs())
        .setTcpNoDelay(true));
  }

  void start() {
    pollPeriodic = vertx.setPeriodic(config.pollIntervalMs(), id -> pollOnce());
    connect();
  }

  void close(Runnable done) {
    closed = true;
    vertx.cancelTimer(pollPeriodic);
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(reconnectTimer);
    NetSocket s = socket;
    socket = null;
    if (s != null) s.close();
    client.close().onComplete(ar -> done.run());
  }

  /** Writes now if connected; otherwise drops the frame (the owner re-sends state on reconnect). */
  void send(Buffer frames) {
    if (socket != null) socket.write(frames);
  }

  private void connect() {
    reconnectTimer = -1;
    if (closed) return;
    client.connect(config.port(), config.host()).onComplete(ar -> {
      if (closed) {
        if (ar.succeeded()) ar.result().close();
      } else if (ar.failed()) {
        noteFailure(ar.cause().getMessage());
        scheduleReconnect();
      } else {
        attach(ar.result());
      }
    });
  }

  private void attach(NetSocket s) {
    socket = s;
    answered = false;
    replies = null;
    s.handler(data -> onData(s, data));
    s.closeHandler(v -> reset(s, "connection closed by the server"));
    s.exceptionHandler(e -> reset(s, String.valueOf(e.getMessage())));
    session.opened();
    pollOnce();
  }

  private void pollOnce() {
    NetSocket s = socket;
    if (s == null || replies != null) return;
    replies = Buffer.buffer(poll.replyBytes());
    readsSent = config.pipelined() ? poll.size() : 1;
    s.write(config.pipelined() ? poll.request() : poll.request(0));
    pollTimer = vertx.setTimer(config.pollTimeoutMs(),
        id -> reset(s, "poll not answered within " + config.pollTimeoutMs() + " ms"));
  }

  private void onData(NetSocket s, Buffer data) {
    if (s != socket) return;
    if (replies == null) {
      reset(s, "unsolicited bytes from the server");
      return;
    }
    replies.appendBuffer(data);
    if (replies.length() > readsSent * Frame.SIZE) {
      reset(s, "more reply bytes than reads sent");
      return;
    }
    if (replies.length() < readsSent * Frame.SIZE) return;
    if (readsSent < poll.size()) {
      s.write(poll.request(readsSent++));
      return;
    }
    vertx.cancelTimer(pollTimer);
    Buffer complete = replies;
    replies = null;
    Sample sample;
    try {
      sample = poll.decode(complete);
    } catch (Poll.ProtocolException e) {
      reset(s, e.getMessage());
      return;
    }
    if (!answered) {
      answered = true;
      backoffMs = config.minBackoffMs();
      failedAttempts = 0;
      log.info("elevator server {}:{} answering", config.host(), config.port());
      session.answered();
    }
    if (s == socket) session.sampled(sample);
  }

  private void reset(NetSocket s, String reason) {
    if (s != socket) return;
    socket = null;
    replies = null;
    vertx.cancelTimer(pollTimer);
    s.close();
    boolean wasAnswering = answered;
    answered = false;
    if (wasAnswering) {
      log.warn("elevator server {}:{} lost: {}; reconnecting", config.host(), config.port(), reason);
      session.lost(reason);
    } else {
      noteFailure(reason);
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed || reconnectTimer >= 0) return;
    long delay = backoffMs;
    backoffMs = Math.min(config.maxBackoffMs(), backoffMs * 2);
    reconnectTimer = vertx.setTimer(delay, id -> connect());
  }

  private void noteFailure(String reason) {
    failedAttempts++;
    if (failedAttempts == 1) {
      log.warn("elevator server {}:{} unavailable ({}); retrying with backoff", config.host(), config.port(), reason);
    } else {
      log.debug("elevator server {}:{} attempt {} failed: {}", config.host(), config.port(), failedAttempts, reason);
    }
  }
}
