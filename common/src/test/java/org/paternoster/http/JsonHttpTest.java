package org.paternoster.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request bodies: deep nesting is refused with a JSON error before anything is parsed or changed. */
class JsonHttpTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void depthCountsObjectsAndArraysButNotBracketsInStrings() {
    assertThat(JsonHttp.depth("{}")).isEqualTo(1);
    assertThat(JsonHttp.depth("{\"a\":[{\"b\":[]}],\"c\":{}}")).isEqualTo(4);
    assertThat(JsonHttp.depth("{\"a\":\"[[[[{{{{\\\"[[[\"}")).isEqualTo(1);
    assertThat(JsonHttp.depth("[".repeat(500))).isEqualTo(500);
  }

  @Test
  void aBodyNestedTooDeeplyIsA400AndChangesNothing() {
    AtomicInteger handled = new AtomicInteger();
    Router router = JsonHttp.router(vertx, 64 * 1024);
    router.post("/x").handler(ctx -> {
      JsonHttp.body(ctx);
      handled.incrementAndGet();
      JsonHttp.ok(ctx, new io.vertx.core.json.JsonObject());
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    WebClient web = WebClient.create(vertx);
    String ok = "{\"a\":" + "[".repeat(JsonHttp.MAX_DEPTH - 1) + "]".repeat(JsonHttp.MAX_DEPTH - 1) + "}";
    String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    HttpResponse<Buffer> fine = web.post(server.actualPort(), "127.0.0.1", "/x").sendBuffer(Buffer.buffer(ok)).await();
    assertThat(fine.statusCode()).isEqualTo(200);
    HttpResponse<Buffer> refused = web.post(server.actualPort(), "127.0.0.1", "/x").sendBuffer(Buffer.buffer(deep)).await();
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("error")).contains("nested deeper than " + JsonHttp.MAX_DEPTH);
    assertThat(handled.get()).isEqualTo(1);
  }
}
