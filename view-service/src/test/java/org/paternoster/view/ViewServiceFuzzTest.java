package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.testing.fuzz.FuzzReport;
import org.paternoster.testing.fuzz.FuzzTarget;
import org.paternoster.testing.fuzz.HttpFuzzer;
import org.paternoster.time.MonotonicClock;

/**
 * Hostile pings ({@code POST /ping}, the view service's only write): every one is refused with a
 * 4xx JSON error, no server is registered and the view stays as it was; a valid ping afterwards
 * still makes its sender primary.
 */
@ExtendWith(VertxExtension.class)
class ViewServiceFuzzTest {
  static final int INPUTS = 600;
  static final long SEED = 14;

  @Test
  void hostilePingsAreRefusedAndChangeNothing(Vertx vertx) {
    ViewServiceVerticle verticle = new ViewServiceVerticle("127.0.0.1", 0, new PingTiming(25, 8), ViewStore.inMemory(), new MonotonicClock());
    vertx.deployVerticle(verticle).await();
    String url = "http://127.0.0.1:" + verticle.actualPort();
    WebClient web = WebClient.create(vertx);
    // the template holds only required fields: removing any one is never a valid ping
    FuzzTarget ping = FuzzTarget.of("/ping", ViewServiceApi.BODY_LIMIT_BYTES, new JsonObject().put("server", "fz1").put("viewnum", 0));

    FuzzReport report = new HttpFuzzer(web, url, () -> java.util.List.of(
        web.getAbs(url + "/view").send().await().bodyAsJsonObject().getLong("viewnum"),
        web.getAbs(url + "/servers").send().await().bodyAsString())).run(ping, SEED, INPUTS);

    assertThat(report.failures()).isEmpty();
    assertThat(report.clean()).as(report.toString()).isTrue();
    assertThat(report.status4xx()).isEqualTo(INPUTS);
    JsonObject view = web.postAbs(url + "/ping").sendBuffer(Buffer.buffer("{\"server\":\"fz1\",\"viewnum\":0}")).await().bodyAsJsonObject();
    assertThat(view.getLong("viewnum")).isEqualTo(1);
    assertThat(view.getString("primary")).isEqualTo("fz1");
  }
}
