package org.paternoster.replica.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Fake-clock tests of {@link ResumeFence}: times in ms, converted to the nanoTime it takes. */
class ResumeFenceTest {
  private static long ms(long ms) {
    return ms * 1_000_000L;
  }

  @Test
  void staysOpenWhileTicksComeRegularlyEvenWithoutViewServiceAnswers() {
    ResumeFence fence = new ResumeFence(100, ms(0));
    for (long t = 10; t <= 1_000; t += 10) fence.tick(ms(t));
    assertThat(fence.open(ms(1_005), OptionalLong.empty())).as("an unreachable view service does not close it").isTrue();
  }

  @Test
  void closesAfterAPauseUntilAPingSentAfterItIsAnswered() {
    ResumeFence fence = new ResumeFence(100, ms(0));
    fence.tick(ms(10));
    // frozen from 10 ms to 2 s; a ping sent at 5 ms is answered (read) only now
    assertThat(fence.open(ms(2_000), OptionalLong.of(ms(5)))).as("an answer to a ping sent before the pause").isFalse();
    fence.tick(ms(2_010));
    assertThat(fence.open(ms(2_020), OptionalLong.of(ms(5)))).isFalse();
    assertThat(fence.open(ms(2_040), OptionalLong.of(ms(2_015)))).as("answer to a ping sent after the pause").isTrue();
    assertThat(fence.open(ms(2_050), OptionalLong.of(ms(2_015)))).isTrue();
  }

  @Test
  void aGapJustUnderTheThresholdIsNotAPause() {
    ResumeFence fence = new ResumeFence(100, ms(0));
    assertThat(fence.open(ms(100), OptionalLong.empty())).isTrue();
    assertThat(fence.open(ms(201), OptionalLong.empty())).as("101 ms gap").isFalse();
  }
}
