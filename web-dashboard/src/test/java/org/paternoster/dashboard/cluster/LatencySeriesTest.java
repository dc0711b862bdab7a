package org.paternoster.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencySeriesTest {
  final LatencySeries series = new LatencySeries(1_000, 3);

  @Test
  void keepsAtMostOnePointPerInterval() {
    series.record(0, new CommitLatency(1, 2, 5));
    series.record(400, new CommitLatency(9, 9, 5));
    series.record(1_000, new CommitLatency(3, 4, 6));
    assertThat(series.points()).containsExactly(new LatencyPoint(0, 1, 2), new LatencyPoint(1_000, 3, 4));
  }

  @Test
  void keepsOnlyTheNewestPoints() {
    for (int i = 0; i < 5; i++) series.record(i * 1_000L, new CommitLatency(i, i, 1));
    assertThat(series.points()).extracting(LatencyPoint::at).containsExactly(2_000L, 3_000L, 4_000L);
  }

  @Test
  void anIdleMinuteOrNoFiguresAddNothing() {
    series.record(0, new CommitLatency(0, 0, 0));
    series.record(1_000, null);
    assertThat(series.points()).isEmpty();
  }
}
