package org.paternoster.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paternoster.view.ServerStatus;
import org.paternoster.view.View;
import org.paternoster.view.ViewState;

/** Browsers get a snapshot when something they show changed, and a refresh every second otherwise. */
class ChangeDetectorTest {
  static final long REFRESH = 1_000;
  final ChangeDetector changes = new ChangeDetector(REFRESH);
  final SnapshotBuilder builder = new SnapshotBuilder(4, false);

  ClusterSnapshot snapshot(long viewnum, long pingAge, long now) {
    Observations o = Observations.NONE.withViewServiceUrl("http://vs")
        .withView(Reading.of(new ViewState(new View(viewnum, "a", null, "http://a", null), true), now))
        .withServers(Reading.of(List.of(new ServerStatus("a", ServerStatus.Role.PRIMARY, pingAge, viewnum, "http://a", true)), now));
    return builder.build(o, List.of(), now);
  }

  @Test
  void theFirstSnapshotIsPushed() {
    assertThat(changes.offer(snapshot(1, 10, 0), 0)).isTrue();
  }

  @Test
  void aNewViewIsPushedAtOnce() {
    changes.offer(snapshot(1, 10, 0), 0);
    assertThat(changes.offer(snapshot(2, 10, 5), 5)).isTrue();
  }

  @Test
  void passingTimeAloneIsNotAChangeUntilTheRefreshIsDue() {
    changes.offer(snapshot(1, 10, 0), 0);
    assertThat(changes.offer(snapshot(1, 80, 200), 200)).as("only the ping age and the time differ").isFalse();
    assertThat(changes.offer(snapshot(1, 30, 999), 999)).isFalse();
    assertThat(changes.offer(snapshot(1, 50, REFRESH), REFRESH)).as("refresh").isTrue();
    assertThat(changes.offer(snapshot(1, 60, REFRESH + 1), REFRESH + 1)).isFalse();
  }

  @Test
  void aChangePushedRestartsTheRefreshInterval() {
    changes.offer(snapshot(1, 10, 0), 0);
    changes.offer(snapshot(2, 10, 700), 700);
    assertThat(changes.offer(snapshot(2, 10, 1_200), 1_200)).isFalse();
    assertThat(changes.offer(snapshot(2, 10, 1_700), 1_700)).isTrue();
  }
}
