package org.paternoster.view;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.net.URI;

/**
 * Whether anything listens at a server's address: asked right after the server's connection to
 * the view service closed. "Refused" (the peer's kernel answers the connection attempt with a
 * reset: no socket listens on that port) means the server's process is gone; the
 * {@link FailureDetector} then declares it dead without waiting out the crash hint's grace. Any
 * other outcome (accepted, timed out, no route) says nothing: a live server, or a machine that is
 * unplugged or cut off, which the silence rules handle.
 */
final class CrashProbe {
  static final int CONNECT_TIMEOUT_MS = 1_000;
  private final NetClient client;

  CrashProbe(Vertx vertx) {
    this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS));
  }

  /** Completes with true only if a connection attempt to {@code address} (an http URL) was refused. */
  Future<Boolean> refuses(String address) {
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(false);
    }
    if (uri.getHost() == null || uri.getPort() <= 0) return Future.succeededFuture(false);
    return client.connect(uri.getPort(), uri.getHost()).transform(ar -> {
      if (ar.succeeded()) ar.result().close();
      return Future.succeededFuture(ar.failed() && isRefusal(ar.cause()));
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
