package org.paternoster.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paternoster.dashboard.support.Browser;
import org.paternoster.dashboard.support.DashboardPage;
import org.paternoster.dashboard.support.DashboardUnderTest;
import org.paternoster.dashboard.support.InJvmCluster;
import org.paternoster.view.View;

/**
 * The page in a real browser (headless Debian Chromium) against a real cluster in this JVM: it
 * loads cleanly, shows the view, fits a desktop and a phone, and a hall button pressed on the
 * page lights that call and brings a car.
 */
@ExtendWith(VertxExtension.class)
class DashboardPageIT {

  @Test
  void thePageLoadsWithoutConsoleErrorsShowsTheViewAndFitsDesktopAndPhone(Vertx vertx) {
    InJvmCluster cluster = InJvmCluster.start(vertx).replica("r1");
    cluster.awaitView("r1 primary", v -> "r1".equals(v.primary()));
    cluster.replica("r2").elevator("e1", 1, 1);
    View view = cluster.awaitPrimaryAndBackup("r1", "r2");
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), true);

    try (Browser browser = Browser.start(1280, 800)) {
      DashboardPage page = new DashboardPage(browser).open(dashboard.url());
      page.awaitUntil("view " + view.viewnum() + " and the elevator shown",
          () -> page.viewNumber() == view.viewnum() && page.elevators().contains("e1"));
      assertThat(page.primary()).isEqualTo("r1");
      assertThat(page.backup()).isEqualTo("r2");
      assertThat(page.text("view-primary-address")).isEqualTo(cluster.address("r1"));
      assertThat(page.text("view-acked")).isEqualTo("acknowledged by primary");
      assertThat(page.alerts()).isEmpty();
      assertThat(browser.overflowsSideways()).as("nothing sticks out at 1280 px").isFalse();

      browser.resize(390, 844);
      page.awaitUntil("the layout settles", () -> !browser.overflowsSideways());
      assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }
  }

  @Test
  void pressingAHallButtonLightsThatCallAndACarArrives(Vertx vertx) {
    InJvmCluster cluster = InJvmCluster.start(vertx).replica("r1");
    cluster.awaitView("r1 primary", v -> "r1".equals(v.primary()));
    // Cars at real speed, both at the ground floor: 3 floors take several seconds, so the call's
    // row is on screen for many of the dashboard's 200 ms polls even on a loaded machine (at
    // four times the speed, a loaded CI machine first read the row after the car had arrived).
    cluster.replica("r2").elevator("e1", 0, 1).elevator("e2", 0, 1);
    cluster.awaitPrimaryAndBackup("r1", "r2");
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), true);

    try (Browser browser = Browser.start(1280, 800)) {
      DashboardPage page = new DashboardPage(browser).open(dashboard.url());
      page.awaitUntil("both cars at the ground floor", () -> page.carFloor("e1") == 0 && page.carFloor("e2") == 0);
      assertThat(page.hallLampLit(3, "down")).isFalse();

      page.pressHall("e1", 3, "down");
      page.awaitUntil("the hall call lit on the page", () -> page.hallLampLit(3, "down"));
      page.awaitValue("its row names the car and when it should arrive", () -> page.hallCallRow(3, "down"),
          row -> row.size() == 5 && row.get(2).matches("e[12]") && row.get(3).matches("~\\d+ s|now"));
      page.awaitUntil("a car at floor 3 and the call served",
          () -> (page.carFloor("e1") == 3 || page.carFloor("e2") == 3) && !page.hallLampLit(3, "down"));
      assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }
  }
}
