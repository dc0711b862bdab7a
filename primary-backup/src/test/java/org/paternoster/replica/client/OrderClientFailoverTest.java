package org.paternoster.replica.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paternoster.orders.CabCall;
import org.paternoster.view.View;
import org.paternoster.view.ViewJson;
import org.paternoster.view.ViewState;

/**
 * A client whose primary stopped answering waits at the view service for the next view ({@code
 * GET /view?after=N&waitMs=M}) and sends to the successor as soon as it is announced, instead of
 * polling the view on a backoff. Here the view service and the successor are small HTTP stand-ins
 * that record what the client asked (the successor first answers as the backup it still thinks it is); the real ones are tested in their own modules.
 */
class OrderClientFailoverTest {
  final Vertx vertx = Vertx.vertx();
  final List<String> viewRequests = new CopyOnWriteArrayList<>();
  final AtomicReference<RoutingContext> parked = new AtomicReference<>();
  final java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  HttpServer serve(Router router) {
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  @Test
  void aClientWhosePrimaryIsGoneWaitsForTheNextViewAndGoesToTheSuccessorAtOnce() throws Exception {
    HttpServer gone = vertx.createHttpServer().requestHandler(r -> {}).listen(0, "127.0.0.1").await();
    String goneUrl = "http://127.0.0.1:" + gone.actualPort();
    gone.close().await(); // the old primary: connections refused

    Router successor = Router.router(vertx);
    java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
    successor.post("/orders").handler(ctx -> {
      // Its first answer comes before it heard of its promotion: "not primary", of the old view.
      if (posts.incrementAndGet() == 1) ctx.response().setStatusCode(503).end(new NotPrimaryAnswer(1, "a", null).toJson().encode());
      else ctx.json(new CommitReceipt("p-1", 2, 7, 7, true, false).toJson());
    });
    String successorUrl = "http://127.0.0.1:" + serve(successor).actualPort();

    View old = new View(1, "a", "b", goneUrl, successorUrl);
    View next = new View(2, "b", null, successorUrl, null);
    Router viewService = Router.router(vertx);
    viewService.get("/view").handler(ctx -> {
      viewRequests.add(ctx.request().query() == null ? "" : ctx.request().query());
      if (ctx.request().getParam("after") == null) ctx.json(ViewJson.toJson(new ViewState(old, true)));
      else if (announced.get()) ctx.json(ViewJson.toJson(new ViewState(next, false)));
      else parked.set(ctx); // answered when the test announces the next view
    });
    String viewServiceUrl = "http://127.0.0.1:" + serve(viewService).actualPort();

    OrderClient client = new OrderClient(vertx, WebClient.create(vertx), () -> viewServiceUrl, 2_000);
    var press = client.press("p-1", new CabCall("e1", 2), Long.MAX_VALUE);
    org.awaitility.Awaitility.await().until(() -> parked.get() != null);
    assertThat(viewRequests).last().isEqualTo("after=1&waitMs=" + OrderClient.NEWER_VIEW_WAIT_MS);
    assertThat(press.isComplete()).as("waits for the view, does not give up").isFalse();

    announced.set(true); // a long poll that timed out meanwhile is answered at once when it comes again
    RoutingContext waiting = parked.get();
    waiting.vertx().runOnContext(x -> {
      if (!waiting.response().ended() && !waiting.response().closed()) waiting.json(ViewJson.toJson(new ViewState(next, false)));
    });
    CommitReceipt receipt = press.await(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(receipt.viewnum()).isEqualTo(2);
    assertThat(posts.get()).as("the successor was asked again after its first 'not primary'").isGreaterThanOrEqualTo(2);
    assertThat(viewRequests).as("one plain lookup, then a long poll that brought the successor")
        .startsWith("", "after=1&waitMs=" + OrderClient.NEWER_VIEW_WAIT_MS);
  }
}
