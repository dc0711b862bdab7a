package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.process.ChildProcess;
import org.paternoster.testing.ChildProcesses;
import org.paternoster.testing.FreePorts;
import org.paternoster.view.client.ViewServiceClient;

/**
 * Rule 7 / invariant 4 with real processes: a view service killed with SIGKILL and restarted on
 * the same data directory resumes its view and never hands out a view number twice.
 */
@ExtendWith(VertxExtension.class)
class ViewServiceRestartIT {
  static final Duration STARTUP = Duration.ofSeconds(30);
  /** How often the test's simulated servers ping: the service runs with 50 ms x 4. */
  static final Duration POLL = Duration.ofMillis(50);

  @RegisterExtension final ChildProcesses children = new ChildProcesses();
  @TempDir Path dataDir;
  final int port = FreePorts.pick();

  ChildProcess startViewService() {
    ChildProcess vs = children.start("view-service", ViewServiceMain.class, "--port", Integer.toString(port),
        "--data-dir", dataDir.toString(), "--discovery", "none", "--ping-interval-ms", "50", "--dead-pings", "4");
    vs.awaitLogLine("view service listening on http://127\\.0\\.0\\.1:" + port, STARTUP);
    return vs;
  }

  @Test
  void aKilledViewServiceResumesItsViewAndNeverReusesANumber(Vertx vertx) {
    ViewServiceClient client = new ViewServiceClient(WebClient.create(vertx), "http://127.0.0.1:" + port);
    ChildProcess vs = startViewService();

    client.ping("a", 0, null).await();
    client.ping("a", 1, null).await();
    client.ping("b", 0, null).await();
    client.ping("a", 2, null).await();
    client.ping("c", 0, null).await();
    // Now b goes silent: view 3 makes c the backup and is announced to a, but a has not acked it.
    await().atMost(Duration.ofSeconds(10)).pollInterval(POLL).until(() -> {
      client.ping("c", 0, null).await();
      return client.ping("a", 2, null).await().view().viewnum() == 3;
    });
    ViewState announced = client.view().await();
    assertThat(announced).isEqualTo(new ViewState(new View(3, "a", "c", null, null), false));

    vs.kill9();
    startViewService();

    assertThat(client.view().await()).as("resumed exactly, un-acked").isEqualTo(announced);
    client.ping("a", 3, null).await();
    // c goes silent: the next view must be a number never handed out before.
    await().atMost(Duration.ofSeconds(10)).pollInterval(POLL).until(() -> client.ping("a", 3, null).await().view().viewnum() > 3);
    assertThat(client.view().await().view()).isEqualTo(new View(4, "a", null, null, null));
    assertThat(client.views().await().stream().map(v -> ((JsonObject) v).getLong("viewnum")))
        .containsExactly(1L, 2L, 3L, 4L);
  }
}
