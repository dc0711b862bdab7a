package org.paternoster.faults;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Random;
import org.paternoster.http.BadRequest;
import org.paternoster.http.JsonHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duplicated and reordered messages between processes, injected by the chaos runner. Everything
 * between Paternoster processes travels over TCP (HTTP requests, WebSocket frames), which hides
 * packet-level duplication and reordering; what an application does see is a request handled
 * twice (a retry whose first try got through) and messages overtaking each other (several
 * connections, a late retry). This class makes exactly that happen, on the receiving side:
 * every state-changing request and every WebSocket frame is held for a random time, and a share of
 * them is handled a second time later. {@link MessageFaultPlan} decides; this class only waits and
 * re-sends.
 *
 * <p>Test-only and off unless the process runs with {@code PATERNOSTER_FAULT_HOOKS=1}: then
 * {@code POST /chaos/messages {"duplicate":0.3,"maxDelayMs":200,"except":"ADDR"}} switches the
 * faults on (all zero: off) and {@code GET /chaos/messages} shows them. Without the variable the
 * endpoint does not exist and every message is handled once, at once.
 */
public final class MessageFaults {
  public static final String ENV = "PATERNOSTER_FAULT_HOOKS";
  public static final String PATH = "/chaos/messages";
  /** Marks a duplicate this process sent itself, so that it is not held or duplicated again. */
  static final String COPY_HEADER = "x-paternoster-copy";
  private static final Logger log = LoggerFactory.getLogger(MessageFaults.class);
  private static volatile MessageFaults process;

  private final Vertx vertx;
  private final MessageFaultPlan plan;
  private final HttpClient client;

  MessageFaults(Vertx vertx, MessageFaultPlan plan) {
    this.vertx = vertx;
    this.plan = plan;
    this.client = vertx.createHttpClient();
  }

  /** This process's message faults, made on first use; null unless {@code PATERNOSTER_FAULT_HOOKS=1}. */
  public static MessageFaults forProcess(Vertx vertx) {
    if (!"1".equals(System.getenv(ENV))) return null;
    synchronized (MessageFaults.class) {
      if (process == null) {
        process = new MessageFaults(vertx, new MessageFaultPlan(new Random()));
        log.warn("message fault hooks enabled ({}=1): {} accepts fault settings", ENV, PATH);
      }
      return process;
    }
  }

  /**
   * {@code handler}, but each frame meets this process's message faults (if enabled when the frame
   * arrives): held, and perhaps delivered twice. Frames are delivered on the caller's context.
   */
  public static <T> Handler<T> frames(Handler<T> handler) {
    return frame -> {
      MessageFaults f = process;
      if (f == null) handler.handle(frame);
      else f.deliver(frame, handler);
    };
  }

  /**
   * Adds this process's message faults to {@code router} if a chaos run asked for them
   * ({@link #ENV}); does nothing otherwise. Call right after {@code JsonHttp.router}, before any route.
   */
  public static void mountIfEnabled(Vertx vertx, Router router) {
    MessageFaults faults = forProcess(vertx);
    if (faults != null) faults.mount(router);
  }

  /**
   * Adds the control endpoint and the hold-and-duplicate step to a router. Call after the body
   * handlers and before any route: every later non-GET request passes through it.
   */
  public void mount(Router router) {
    router.get(PATH).handler(ctx -> JsonHttp.ok(ctx, plan.settings().toJson()));
    router.post(PATH).handler(ctx -> {
      MessageFaultPlan.Settings s;
      try {
        s = MessageFaultPlan.Settings.fromJson(JsonHttp.body(ctx));
      } catch (IllegalArgumentException e) {
        throw new BadRequest(e.getMessage());
      }
      plan.set(s);
      log.warn("message faults now {}", s.toJson().encode());
      JsonHttp.ok(ctx, s.toJson());
    });
    router.route().handler(this::hold);
  }

  <T> void deliver(T frame, Handler<T> handler) {
    MessageFaultPlan.Fate fate = plan.next(null);
    later(fate.delayMs(), () -> handler.handle(frame));
    if (fate.duplicated()) later(fate.copyAfterMs(), () -> handler.handle(frame));
  }

  private void hold(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    boolean readOnly = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    if (readOnly || ctx.request().getHeader(COPY_HEADER) != null) {
      ctx.next();
      return;
    }
    SocketAddress remote = ctx.request().remoteAddress();
    MessageFaultPlan.Fate fate = plan.next(remote == null ? null : remote.hostAddress());
    if (fate.duplicated()) {
      SocketAddress local = ctx.request().localAddress();
      Buffer body = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer().copy();
      RequestOptions copy = new RequestOptions().setMethod(method).setHost(local.hostAddress()).setPort(local.port())
          .setURI(ctx.request().uri()).putHeader(COPY_HEADER, "1");
      String type = ctx.request().getHeader("content-type");
      if (type != null) copy.putHeader("content-type", type);
      // The copy's answer is read and dropped (an unread body would hold its pooled connection).
      later(fate.copyAfterMs(), () -> client.request(copy).compose(r -> r.send(body)).compose(r -> r.body()).onFailure(e -> log.debug("copy not delivered: {}", e.getMessage())));
    }
    later(fate.delayMs(), ctx::next);
  }

  private void later(long ms, Runnable r) {
    if (ms <= 0) r.run();
    else vertx.setTimer(ms, t -> r.run());
  }
}
