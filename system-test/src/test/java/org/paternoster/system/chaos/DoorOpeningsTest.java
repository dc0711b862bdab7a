package org.paternoster.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class DoorOpeningsTest {
  private final DoorOpenings openings = new DoorOpenings();

  private static JsonArray log(int... nAndFloor) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < nAndFloor.length; i += 2) out.add(new JsonObject().put("n", nAndFloor[i]).put("floor", nAndFloor[i + 1]));
    return out;
  }

  @Test
  void aNodesVeryFirstOpeningCountsWhenItWasSeenWithNoneBefore() {
    // chaos seed 134: the car's first stop was cut short (it drifted off the floor) between two polls
    assertThat(openings.unseen("e1", log(), false, 0)).isEmpty();
    assertThat(openings.unseen("e1", log(1, 1), false, 1)).containsExactly(1);
  }

  @Test
  void theFirstSightOfOpeningsOnlySetsTheBaseline() {
    assertThat(openings.unseen("e1", log(3, 2, 4, 0), false, 0)).isEmpty();
    assertThat(openings.unseen("e1", log(3, 2, 4, 0, 5, 3), false, 3)).containsExactly(3);
  }

  @Test
  void theOpeningThisPollShowsIsNotCountedTwice() {
    openings.unseen("e1", log(), false, 0);
    assertThat(openings.unseen("e1", log(1, 2, 2, 3), true, 3)).containsExactly(2);
  }

  @Test
  void aRestartedNodeOnlySetsTheBaselineAgain() {
    openings.unseen("e1", log(7, 1), false, 1);
    assertThat(openings.unseen("e1", log(1, 2), false, 2)).as("count went down: a new process").isEmpty();
    assertThat(openings.unseen("e1", log(1, 2, 2, 0), false, 0)).containsExactly(0);
  }
}
