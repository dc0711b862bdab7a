package org.paternoster.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lease clock (invariant 2's assumption A1): never backwards, never slower than either source. */
class LeaseClockTest {
  final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  final AtomicLong wall = new AtomicLong(1_700_000_000_000L);
  final LeaseClock clock = new LeaseClock(nanos::get, wall::get);

  @Test
  void followsTheMonotonicClockWhileBothAdvanceTogether() {
    long start = clock.getAsLong();
    for (int i = 0; i < 100; i++) {
      nanos.addAndGet(300_000); // 0.3 ms: sub-millisecond steps must add up
      if (i % 10 == 9) wall.addAndGet(3);
      clock.getAsLong();
    }
    assertThat(clock.getAsLong() - start).isEqualTo(30);
  }

  @Test
  void shortIntervalsAreReadFromTheMonotonicSourceAtNanosecondResolution() {
    long start = clock.nanos();
    nanos.addAndGet(250_000); // a quarter of a millisecond: the lease clock shows no change
    wall.addAndGet(-1_000); // a stepped wall clock does not enter an interval
    assertThat(clock.nanos() - start).isEqualTo(250_000);
  }

  @Test
  void aSuspendThatStopsTheMonotonicClockStillEndsTheLease() {
    long start = clock.getAsLong();
    wall.addAndGet(60_000); // the VM slept a minute; CLOCK_MONOTONIC did not count it
    assertThat(clock.getAsLong() - start).isEqualTo(60_000);
  }

  @Test
  void aWallClockSteppedBackChangesNothingAndLaterAdvancesCount() {
    long start = clock.getAsLong();
    wall.addAndGet(-3_600_000); // NTP stepped an hour back
    nanos.addAndGet(10_000_000);
    assertThat(clock.getAsLong() - start).as("the monotonic clock still counts").isEqualTo(10);
    wall.addAndGet(5);
    nanos.addAndGet(5_000_000);
    assertThat(clock.getAsLong() - start).isEqualTo(15);
  }

  @Test
  void neverGoesBackwards() {
    long last = clock.getAsLong();
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < 10_000; i++) {
      nanos.addAndGet(r.nextInt(2_000_000));
      wall.addAndGet(r.nextInt(7) - 3);
      long now = clock.getAsLong();
      assertThat(now).isGreaterThanOrEqualTo(last);
      last = now;
    }
  }
}
