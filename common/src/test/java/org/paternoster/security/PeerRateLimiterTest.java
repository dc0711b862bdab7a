package org.paternoster.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerRateLimiterTest {
  private final PeerRateLimiter limiter = new PeerRateLimiter(10, 5, 2);

  @Test
  void aPeerGetsItsBurstThenItsRate() {
    for (int i = 0; i < 5; i++) assertThat(limiter.tryAcquire("a", 0)).as("burst %d", i).isTrue();
    assertThat(limiter.tryAcquire("a", 0)).isFalse();
    assertThat(limiter.waitMs("a")).isEqualTo(100);
    assertThat(limiter.tryAcquire("a", 99)).isFalse();
    assertThat(limiter.tryAcquire("a", 100)).as("one token a tenth of a second").isTrue();
    assertThat(limiter.tryAcquire("a", 100)).isFalse();
    assertThat(limiter.tryAcquire("a", 10_000)).as("refilled, to the burst only").isTrue();
  }

  @Test
  void peersAreCountedApartAndTheTableIsBounded() {
    for (int i = 0; i < 5; i++) limiter.tryAcquire("a", 0);
    assertThat(limiter.tryAcquire("a", 0)).isFalse();
    assertThat(limiter.tryAcquire("b", 0)).as("another peer has its own bucket").isTrue();
    assertThat(limiter.tryAcquire("c", 0)).isTrue(); // a is the least recently used: forgotten
    assertThat(limiter.tryAcquire("a", 0)).as("forgotten, so full again").isTrue();
  }

  @Test
  void aClockGoingBackwardsGivesNothing() {
    for (int i = 0; i < 5; i++) limiter.tryAcquire("a", 1_000);
    assertThat(limiter.tryAcquire("a", 0)).isFalse();
  }
}
