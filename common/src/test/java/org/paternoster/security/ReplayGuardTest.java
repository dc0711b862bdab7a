package org.paternoster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
  private final ReplayGuard guard = new ReplayGuard(10, 60_000);

  @Test
  void messagesArrivingOutOfOrderWithinTheWindowAreEachAcceptedOnce() {
    List<Long> numbers = new ArrayList<>();
    for (long n = 1; n <= 3 * ReplayGuard.WINDOW; n++) numbers.add(n);
    // shuffle within blocks smaller than the window: concurrent requests overtake each other
    Random random = new Random(7);
    for (int from = 0; from < numbers.size(); from += 1000) Collections.shuffle(numbers.subList(from, Math.min(numbers.size(), from + 1000)), random);
    for (long n : numbers) assertThat(guard.admit("s", n, 0)).as("first %d", n).isEqualTo(ReplayGuard.Outcome.FIRST);
    for (long n : numbers.subList(numbers.size() - 500, numbers.size())) {
      assertThat(guard.admit("s", n, 0)).as("again %d", n).isEqualTo(ReplayGuard.Outcome.REPLAYED);
    }
  }

  @Test
  void aNumberBelowTheWindowIsAReplayEvenIfNeverSeen() {
    assertThat(guard.admit("s", ReplayGuard.WINDOW + 10, 0)).isEqualTo(ReplayGuard.Outcome.FIRST);
    assertThat(guard.admit("s", 10, 0)).isEqualTo(ReplayGuard.Outcome.REPLAYED);
    assertThat(guard.admit("s", 11, 0)).as("just inside the window").isEqualTo(ReplayGuard.Outcome.FIRST);
    assertThat(guard.admit("s", 0, 0)).isEqualTo(ReplayGuard.Outcome.REPLAYED);
  }

  @Test
  void aJumpForgetsNothingItShouldRemember() {
    assertThat(guard.admit("s", 5, 0)).isEqualTo(ReplayGuard.Outcome.FIRST);
    assertThat(guard.admit("s", 5 + ReplayGuard.WINDOW, 0)).isEqualTo(ReplayGuard.Outcome.FIRST);
    // 5 + WINDOW shares 5's slot: 5 is now below the window, and 5 + WINDOW is remembered
    assertThat(guard.admit("s", 5 + ReplayGuard.WINDOW, 0)).isEqualTo(ReplayGuard.Outcome.REPLAYED);
    assertThat(guard.admit("s", 6, 0)).as("skipped over, still in the window").isEqualTo(ReplayGuard.Outcome.FIRST);
  }

  @Test
  void sessionsAreSeparateAndASilentOneIsForgotten() {
    assertThat(guard.admit("a", 1, 0)).isEqualTo(ReplayGuard.Outcome.FIRST);
    assertThat(guard.admit("b", 1, 0)).isEqualTo(ReplayGuard.Outcome.FIRST);
    assertThat(guard.sessions()).isEqualTo(2);
    assertThat(guard.admit("b", 2, 60_001)).isEqualTo(ReplayGuard.Outcome.FIRST);
    assertThat(guard.sessions()).as("a fell silent").isEqualTo(1);
  }
}
