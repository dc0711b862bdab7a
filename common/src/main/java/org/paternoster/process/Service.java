package org.paternoster.process;

import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import org.paternoster.discovery.Discovery;
import org.paternoster.metrics.ProcessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every Paternoster process runs its verticle: deploy it on a fresh Vert.x with metrics (waiting until it
 * listens, so a failure to start is an exit code, not a hung process) and close it — and the
 * discovery member, if any — on shutdown (SIGTERM, Ctrl-C). A kill -9 of course runs nothing:
 * that is what the protocols are for.
 */
public final class Service {
  private static final Logger log = LoggerFactory.getLogger(Service.class);

  private Service() {}

  /** Deploys {@code verticle}; blocks until it started (rethrows why it could not). */
  public static Vertx run(Deployable verticle, Discovery discovery) {
    return run(ProcessMetrics.vertx(), verticle, discovery);
  }

  /** As {@link #run(Deployable, Discovery)}, on {@code vertx} (a {@link ProcessMetrics} one). */
  public static Vertx run(Vertx vertx, Deployable verticle, Discovery discovery) {
    if (!vertx.isNativeTransportEnabled()) {
      log.info("native transport unavailable ({}): using Java NIO, which costs more CPU per request", vertx.unavailableNativeTransportCause());
    }
    try {
      vertx.deployVerticle(verticle).await();
    } catch (RuntimeException e) {
      vertx.close();
      if (discovery != null) discovery.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().await();
      if (discovery != null) discovery.close();
    }, "shutdown"));
    return vertx;
  }
}
