package org.paternoster.view;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Whether anything listens at a server's address: asked right after the server's connection to
 * the view service closed. "Refused" (the peer's kernel answers the connection attempt with a
 * reset: no socket listens on that port) means the server's process is gone; the
 * {@link FailureDetector} then declares it dead without waiting out the crash hint's grace.
 * "Accepted" proves nothing (a killed process's port was seen to accept for a moment after its
 * connections closed), nor does anything else (timed out, no route: a machine that is unplugged
 * or cut off): the grace applies.
 */
final class CrashProbe {
  static final int CONNECT_TIMEOUT_MS = 1_000;
  private final NetClient client;

  CrashProbe(Vertx vertx) {
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS));
  }

  /** How many refused probes {@link #warmUp} makes. */
  static final int WARM_UP_PROBES = 20;

  /**
   * Makes {@link #WARM_UP_PROBES} probes of a local port that refuses, one after another, so that
   * the first real failover does not pay for loading and compiling the connect-and-refuse path
   * (measured: the first failover of a fresh cluster took 287 ms from the kill to the view, later
   * ones 38-158 ms). Completes with how many were refused.
   *
   * <p>The port is held by a socket that is bound and never listens, for as long as the probes
   * last: the kernel refuses every connection to it, and no other process can take the port in
   * between. (A port bound, closed and then probed was seen taken by another process in the test
   * suite, 19 of 20 probes accepted; one picked below the ephemeral range refused none of 20 on
   * the CI machine.)
   */
  Future<Integer> warmUp() {
    Socket holder = new Socket();
    try {
      holder.bind(new InetSocketAddress("127.0.0.1", 0));
    } catch (IOException e) {
      closeQuietly(holder);
      return Future.succeededFuture(0);
    }
    return probeRepeatedly("http://127.0.0.1:" + holder.getLocalPort(), WARM_UP_PROBES, 0)
        .andThen(done -> closeQuietly(holder));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // a socket that never connected: nothing to release but the port, which close frees anyway
    }
  }

  private Future<Integer> probeRepeatedly(String address, int left, int refused) {
    if (left == 0) return Future.succeededFuture(refused);
    return probe(address).compose(a -> probeRepeatedly(address, left - 1, refused + (a == Answer.REFUSED ? 1 : 0)));
  }

  /** What a connection attempt to a server's address said about its process. */
  enum Answer {
    REFUSED("refused"), ACCEPTED("accepted"), UNKNOWN("did not answer");

    /** For the log: "its address ... a connection". */
    final String said;

    Answer(String said) {
      this.said = said;
    }
  }

  /** The outcome of one connection attempt to {@code address} (an http URL); UNKNOWN for an address it cannot read. */
  Future<Answer> probe(String address) {
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(Answer.UNKNOWN);
    }
    if (uri.getHost() == null || uri.getPort() <= 0) return Future.succeededFuture(Answer.UNKNOWN);
    return client.connect(uri.getPort(), uri.getHost()).transform(ar -> {
      if (ar.succeeded()) {
        ar.result().close();
        return Future.succeededFuture(Answer.ACCEPTED);
      }
      return Future.succeededFuture(isRefusal(ar.cause()) ? Answer.REFUSED : Answer.UNKNOWN);
    });
  }

  /** A connection attempt answered with a reset: nothing listens (not a timeout, not an unreachable host). */
  static boolean isRefusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (t instanceof java.net.ConnectException && message != null && message.contains("Connection refused")) return true;
    }
    return false;
  }
}
