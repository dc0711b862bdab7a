package org.paternoster.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reading views from peers: a number a replica would adopt must be exactly the number sent. */
class ViewJsonTest {
  @Test
  void aViewReadsBackAsWritten() {
    View view = new View(7, "r1", "r2", "http://a", "http://b");
    assertThat(ViewJson.fromJson(ViewJson.toJson(view, true))).isEqualTo(view);
  }

  /** Found by ReplicaFuzzTest: 2^64+5 was read as view 5 and a forward of it deposed the primary. */
  @ParameterizedTest
  @ValueSource(strings = {"18446744073709551621", "1e300", "5.5", "-3", "\"5\""})
  void aViewNumberThatIsNotA64BitNaturalIsRefusedNotWrapped(String viewnum) {
    JsonObject json = new JsonObject("{\"viewnum\":" + viewnum + ",\"primary\":\"r9\"}");
    assertThatThrownBy(() -> ViewJson.fromJson(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("viewnum");
  }
}
