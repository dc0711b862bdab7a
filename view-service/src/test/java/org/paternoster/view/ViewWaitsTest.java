package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long polls of {@code GET /view}, on a fake clock and a view number the test moves. */
class ViewWaitsTest {
  long viewnum = 4;
  final ViewWaits waits = new ViewWaits(() -> viewnum);
  final List<String> answered = new ArrayList<>();

  void await(String who, long after, long waitMs, long now) {
    waits.await(after, waitMs, now, () -> answered.add(who + "@" + viewnum));
  }

  @Test
  void aClientBehindTheViewIsAnsweredAtOnce() {
    await("a", 3, 1000, 0);
    await("b", 4, 0, 0); // no wait asked: a plain GET /view
    assertThat(answered).containsExactly("a@4", "b@4");
    assertThat(waits.waiting()).isZero();
  }

  @Test
  void aWaiterIsAnsweredAtTheFirstTickAfterTheViewChanges() {
    await("a", 4, 1000, 0);
    waits.tick(5);
    assertThat(answered).isEmpty();
    viewnum = 5;
    waits.tick(10);
    assertThat(answered).containsExactly("a@5");
    waits.tick(2000);
    assertThat(answered).as("answered once").hasSize(1);
  }

  @Test
  void aWaiterWhoseWaitRunsOutGetsTheCurrentView() {
    await("a", 4, 300, 0);
    waits.tick(299);
    assertThat(answered).isEmpty();
    waits.tick(300);
    assertThat(answered).containsExactly("a@4");
  }

  @Test
  void waitsAreCappedInLengthAndNumber() {
    await("long", 4, 60_000, 0);
    waits.tick(ViewWaits.MAX_WAIT_MS);
    assertThat(answered).containsExactly("long@4");
    answered.clear();
    for (int i = 0; i < ViewWaits.MAX_WAITERS; i++) await("w" + i, 4, 1000, 0);
    assertThat(answered).isEmpty();
    await("one-too-many", 4, 1000, 0);
    assertThat(answered).as("answered at once, not queued").containsExactly("one-too-many@4");
    assertThat(waits.waiting()).isEqualTo(ViewWaits.MAX_WAITERS);
  }
}
