package org.paternoster.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paternoster.dashboard.support.Browser;
import org.paternoster.dashboard.support.DashboardPage;
import org.paternoster.dashboard.support.DashboardUnderTest;
import org.paternoster.dashboard.support.ProcessCluster;
import org.paternoster.testing.ChildProcesses;
import org.paternoster.view.View;

/**
 * The page a person keeps open while they kill the primary: the view service and replicas are
 * real processes; the page must follow each failover by itself, without a reload.
 */
@ExtendWith(VertxExtension.class)
class FailoverPageIT {
  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  @Test
  void afterThePrimaryIsKilledThePageShowsTheNewViewWithoutReload(Vertx vertx) {
    ProcessCluster cluster = new ProcessCluster(children, vertx);
    cluster.startReplica("a");
    cluster.awaitView("a primary", v -> cluster.id("a").equals(v.primary()));
    cluster.startReplica("b");
    View first = cluster.awaitView("b backup", v -> cluster.id("b").equals(v.backup()));
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), true);

    try (Browser browser = Browser.start(1280, 800)) {
      DashboardPage page = new DashboardPage(browser).open(dashboard.url());
      page.awaitUntil("view " + first.viewnum(), () -> page.viewNumber() == first.viewnum());
      assertThat(page.primary()).isEqualTo(cluster.id("a"));
      page.markThisLoad();

      // Now the primary dies without a word: the page must show b taking over.
      cluster.kill9("a");
      page.awaitUntil("b primary in a newer view", () -> page.primary().equals(cluster.id("b")) && page.viewNumber() > first.viewnum());
      assertThat(page.reloadedSinceMark()).isFalse();

      // And again from the page itself: a new backup joins, then the button kills the primary.
      cluster.startReplica("c");
      page.awaitUntil("c backup", () -> page.backup().equals(cluster.id("c")));
      long beforeButton = page.viewNumber();
      page.killPrimary();
      page.awaitUntil("the kill reported", () -> page.text("kill-result").startsWith("killed primary " + cluster.id("b")));
      page.awaitUntil("c primary in a newer view", () -> page.primary().equals(cluster.id("c")) && page.viewNumber() > beforeButton);
      assertThat(cluster.isAlive("b")).isFalse();
      assertThat(page.reloadedSinceMark()).isFalse();
      assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }
  }

  /** A replicated view service: the page names its members and leader, and follows a new leader. */
  @Test
  void theMembersAndLeaderOfAReplicatedViewServiceAreShownAndFollowed(Vertx vertx, @TempDir Path dataDir) {
    ProcessCluster cluster = new ProcessCluster(children, vertx, dataDir);
    cluster.startReplica("a");
    View first = cluster.awaitView("a primary", v -> cluster.id("a").equals(v.primary()));
    DashboardUnderTest dashboard = DashboardUnderTest.start(vertx, cluster.viewServiceUrl(), false);

    try (Browser browser = Browser.start(1280, 800)) {
      DashboardPage page = new DashboardPage(browser).open(dashboard.url());
      page.awaitUntil("three members and a leader", () -> leaderOn(page) != null);
      assertThat(page.text("view-source")).contains("View service of 3 members");
      for (String member : cluster.viewServiceUrl().split(",")) assertThat(page.text("view-source")).contains(member);
      String leader = leaderOn(page);
      page.markThisLoad();

      cluster.kill9Member(leader);
      page.awaitUntil("another member leads", () -> leaderOn(page) != null && !leader.equals(leaderOn(page)));
      page.awaitUntil("the view is still shown", () -> page.viewNumber() >= first.viewnum());
      assertThat(page.reloadedSinceMark()).isFalse();
      assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }
  }

  /** The leader the page names ("...; leader URL."), or null. */
  private static String leaderOn(DashboardPage page) {
    Matcher m = Pattern.compile("; leader (\\S+)\\.$").matcher(page.text("view-source"));
    return m.find() ? m.group(1) : null;
  }
}
