package org.paternoster.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.http.JsonHttp;

/** The hooks on a real HTTP server: requests and frames held, duplicated, and nothing else changed. */
@ExtendWith(VertxExtension.class)
class MessageFaultsTest {
  final List<String> handled = new CopyOnWriteArrayList<>();
  MessageFaults faults;
  WebClient web;
  int port;

  @BeforeEach
  void serve(Vertx vertx) {
    Router router = JsonHttp.router(vertx, 4096);
    faults = new MessageFaults(vertx, new MessageFaultPlan(new Random(1)));
    faults.mount(router);
    router.post("/orders").handler(ctx -> {
      handled.add(JsonHttp.body(ctx).getString("id") + (ctx.request().getHeader(MessageFaults.COPY_HEADER) != null ? "'" : ""));
      JsonHttp.ok(ctx, new JsonObject());
    });
    router.get("/orders").handler(ctx -> JsonHttp.ok(ctx, new JsonObject().put("n", handled.size())));
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
    web = WebClient.create(vertx);
  }

  HttpResponse<Buffer> post(String path, JsonObject body) {
    return web.post(port, "127.0.0.1", path).sendJsonObject(body).await();
  }

  @Test
  void offTheRequestIsHandledOnce() {
    assertThat(post("/orders", new JsonObject().put("id", "a")).statusCode()).isEqualTo(200);
    assertThat(handled).containsExactly("a");
  }

  @Test
  void everyRequestDuplicatedIsHandledTwiceTheCopyLater() {
    assertThat(post(MessageFaults.PATH, new JsonObject().put("duplicate", 1).put("maxDelayMs", 20)).statusCode()).isEqualTo(200);
    for (String id : List.of("a", "b", "c")) assertThat(post("/orders", new JsonObject().put("id", id)).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 6);
    for (String id : List.of("a", "b", "c")) {
      assertThat(handled.indexOf(id)).as("the original of " + id + " comes first").isLessThan(handled.indexOf(id + "'"));
    }
    assertThat(web.get(port, "127.0.0.1", MessageFaults.PATH).send().await().bodyAsJsonObject().getDouble("duplicate")).isEqualTo(1.0);
  }

  @Test
  void theExemptAddressAndReadsAreNeverTouched() {
    post(MessageFaults.PATH, new JsonObject().put("duplicate", 1).put("except", "127.0.0.1"));
    post("/orders", new JsonObject().put("id", "a"));
    assertThat(web.get(port, "127.0.0.1", "/orders").send().await().bodyAsJsonObject().getInteger("n")).isEqualTo(1);
    assertThat(handled).containsExactly("a");
  }

  @Test
  void badSettingsGet400AndChangeNothing() {
    HttpResponse<Buffer> r = post(MessageFaults.PATH, new JsonObject().put("duplicate", 2));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).contains("duplicate");
    post("/orders", new JsonObject().put("id", "a"));
    assertThat(handled).containsExactly("a");
  }

  @Test
  void framesAreHeldAndDuplicated(Vertx vertx) {
    List<String> frames = new CopyOnWriteArrayList<>();
    post(MessageFaults.PATH, new JsonObject().put("duplicate", 1).put("maxDelayMs", 30));
    vertx.runOnContext(v -> {
      for (String f : List.of("p1", "p2", "p3")) faults.deliver(f, frames::add);
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 6);
    assertThat(frames).containsExactlyInAnyOrder("p1", "p1", "p2", "p2", "p3", "p3");
  }
}
