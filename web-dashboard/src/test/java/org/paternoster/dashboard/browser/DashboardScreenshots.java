package org.paternoster.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.dashboard.support.Browser;
import org.paternoster.dashboard.support.DashboardPage;
import org.paternoster.dashboard.support.DashboardUnderTest;
import org.paternoster.dashboard.support.InJvmCluster;

/**
 * Not a test: renders the README's screenshot of a busy cluster (one failover behind it, calls
 * pending, cars moving) at 1280×800, and under {@code target/screenshots/} a phone-width
 * full-page one and one of an outage. Run on demand:
 * {@code mvn -pl web-dashboard test -Dtest=DashboardScreenshots -Ddashboard.screenshot=../docs/dashboard.png}
 */
@ExtendWith(VertxExtension.class)
@EnabledIfSystemProperty(named = "dashboard.screenshot", matches = ".+")
class DashboardScreenshots {

  @Test
  void renderTheScreenshots(Vertx vertx) {
    InJvmCluster cluster = InJvmCluster.start(vertx).replica("r1");
    cluster.awaitView("r1 primary", v -> "r1".equals(v.primary()));
    cluster.replica("r2").elevator("e1", 0, 1).elevator("e2", 1, 1).elevator("e3", 0, 1);
    cluster.awaitPrimaryAndBackup("r1", "r2");
    cluster.stop("r1");
    cluster.awaitView("r2 took over", v -> "r2".equals(v.primary()));
    cluster.replica("r1");
    cluster.awaitPrimaryAndBackup("r2", "r1");
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), true);
    dashboard.awaitSnapshot("three elevators reporting", s -> s.getJsonArray("elevators").size() == 3);

    try (Browser browser = Browser.start(1280, 800)) {
      DashboardPage page = new DashboardPage(browser).open(dashboard.url());
      press(dashboard, "e1", "{\"type\":\"hall\",\"floor\":3,\"direction\":\"down\"}");
      press(dashboard, "e2", "{\"type\":\"hall\",\"floor\":2,\"direction\":\"up\"}");
      press(dashboard, "e3", "{\"type\":\"cab\",\"floor\":3}");
      page.awaitUntil("the calls lit", () -> page.hallLampLit(3, "down") && page.hallLampLit(2, "up"));
      browser.screenshot(Path.of(System.getProperty("dashboard.screenshot")), false);

      browser.resize(390, 844);
      page.awaitUntil("the phone layout", () -> !browser.overflowsSideways());
      browser.screenshot(Path.of("target", "screenshots", "dashboard-390.png"), true);
      long height = (Long) browser.script("return Math.ceil(document.documentElement.scrollHeight);");
      for (int part = 0; part * 1200L < height; part++) {
        browser.screenshotBand(Path.of("target", "screenshots", "dashboard-390-" + (part + 1) + ".png"), part * 1200,
            (int) Math.min(1200, height - part * 1200L));
      }

      // The page during an outage: the view service and the primary both gone.
      browser.resize(1280, 800);
      cluster.stopViewService();
      cluster.stop("r2");
      page.awaitUntil("both outages said", () -> page.alerts().size() == 2);
      browser.screenshot(Path.of("target", "screenshots", "dashboard-outage.png"), false);
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  private static void press(DashboardUnderTest dashboard, String elevator, String body) {
    assertThat(dashboard.post("/api/elevators/" + elevator + "/buttons", body).statusCode()).isEqualTo(200);
  }
}
