package org.paternoster.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.paternoster.time.MonotonicClock;
import org.paternoster.view.PingTiming;
import org.paternoster.view.ViewServiceVerticle;
import org.paternoster.view.ViewStore;
import org.paternoster.view.client.ViewServiceClient;

/** {@code GET /metrics}: Prometheus text with Vert.x's and Paternoster's own metrics, or a clear 404. */
class ProcessMetricsTest {
  private static ViewServiceVerticle deployViewService(Vertx vertx) {
    ViewServiceVerticle verticle = new ViewServiceVerticle("127.0.0.1", 0, new PingTiming(10, 3), ViewStore.inMemory(), new MonotonicClock());
    vertx.deployVerticle(verticle).await();
    return verticle;
  }

  /** A view service on {@code vertx} answers one ping (so it has a view and served requests), then its {@code /metrics}. */
  private static HttpResponse<Buffer> scrapeAfterAPing(Vertx vertx) {
    ViewServiceVerticle verticle = deployViewService(vertx);
    WebClient web = WebClient.create(vertx);
    ViewServiceClient client = new ViewServiceClient(web, "http://127.0.0.1:" + verticle.actualPort());
    org.awaitility.Awaitility.await().until(() -> "a".equals(client.ping("a", 0, "http://a").await().view().primary()));
    return web.get(verticle.actualPort(), "127.0.0.1", "/metrics").send().await();
  }

  @Test
  void aProcessOnTheMetricsVertxIsScrapedInPrometheusFormat() {
    Vertx vertx = ProcessMetrics.vertx();
    try {
      HttpResponse<Buffer> response = scrapeAfterAPing(vertx);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.getHeader("content-type")).startsWith("text/plain");
      assertThat(response.bodyAsString())
          .contains("paternoster_view_changes_total{failover=\"false\"} 1.0")
          .contains("paternoster_view_number 1.0")
          .contains("vertx_http_server_requests_total")
          .contains("jvm_memory_used_bytes");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void withoutRequestMetersNoRequestIsCountedAndTheRestStays() {
    Vertx vertx = ProcessMetrics.vertxWithoutRequestMeters();
    try {
      assertThat(scrapeAfterAPing(vertx).bodyAsString()).contains("paternoster_view_number 1.0").contains("jvm_memory_used_bytes")
          .contains("vertx_pool_in_use").doesNotContain("vertx_http_server_requests_total");
    } finally {
      vertx.close().await();
    }
  }

  /** Where the native epoll transport ships (Linux x86-64), every process's Vert.x runs on it, and serves as before. */
  @Test
  void onLinuxX8664TheProcessesRunOnNativeEpoll() {
    assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
        "the native transport shipped is Linux x86-64's");
    for (Supplier<Vertx> kind : List.<Supplier<Vertx>>of(ProcessMetrics::vertx, ProcessMetrics::vertxWithoutRequestMeters)) {
      Vertx vertx = kind.get(); // one at a time: each is its process's only metrics Vert.x
      try {
        assertThat(vertx.isNativeTransportEnabled()).as("native transport (%s)", vertx.unavailableNativeTransportCause()).isTrue();
        assertThat(scrapeAfterAPing(vertx).statusCode()).isEqualTo(200);
      } finally {
        vertx.close().await();
      }
    }
  }

  @Test
  void aProcessWithoutMetricsSaysSo() {
    Vertx vertx = Vertx.vertx();
    try {
      ViewServiceVerticle verticle = deployViewService(vertx);
      HttpResponse<Buffer> response = WebClient.create(vertx).get(verticle.actualPort(), "127.0.0.1", "/metrics").send().await();
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.bodyAsJsonObject().getString("error")).contains("keeps no metrics");
    } finally {
      vertx.close().await();
    }
  }
}
