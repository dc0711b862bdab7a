package org.paternoster.view.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.paternoster.security.ClusterSecret;

/**
 * The view log's apply rule, entry by entry as Ratis would hand them over: term and version as
 * before, and with a cluster secret only writes sealed with it (a stranger on the consensus port
 * cannot write a view).
 */
class ViewLogTest {
  static final ClusterSecret SECRET = ClusterSecret.of("a".repeat(40));
  static final ClusterSecret OTHER = ClusterSecret.of("b".repeat(40));
  static final JsonObject STATE = new JsonObject().put("view", new JsonObject().put("viewnum", 3));

  static String text(org.apache.ratis.protocol.Message m) {
    return m.getContent().toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSealedWriteOfTheEntrysTermAndTheCurrentVersionApplies() {
    ViewLog log = new ViewLog(Optional.of(SECRET));
    assertThat(log.apply(text(log.write(2, 0, STATE)), 2)).isTrue();
    assertThat(log.snapshot().getLong("version")).isEqualTo(1);
    assertThat(log.snapshot().getJsonObject("state")).isEqualTo(STATE);
    assertThat(log.apply(text(log.write(2, 1, STATE.copy().put("x", 1))), 2)).isTrue();
    assertThat(log.snapshot().getLong("version")).isEqualTo(2);
  }

  @Test
  void withASecretUnsealedForgedAndReplayedWritesChangeNothing() {
    ViewLog log = new ViewLog(Optional.of(SECRET));
    String first = text(log.write(2, 0, STATE));
    assertThat(log.apply(first, 2)).isTrue();
    JsonObject before = log.snapshot();

    String plain = text(new ViewLog(Optional.empty()).write(2, 1, STATE.copy().put("evil", true)));
    String forged = text(new ViewLog(Optional.of(OTHER)).write(2, 1, STATE.copy().put("evil", true)));
    JsonObject tampered = new JsonObject(text(log.write(2, 1, STATE)));
    tampered.put("sealed", tampered.getString("sealed").replace("\"viewnum\":3", "\"viewnum\":4"));
    assertThat(log.apply(plain, 2)).as("unsealed").isFalse();
    assertThat(log.apply(forged, 2)).as("sealed with another secret").isFalse();
    assertThat(log.apply(tampered.encode(), 2)).as("altered after sealing").isFalse();
    assertThat(log.apply(first, 3)).as("an old write in a later term's entry").isFalse();
    assertThat(log.apply(first, 2)).as("the same write again: stale version").isFalse();
    assertThat(log.apply("not json", 2)).isFalse();
    assertThat(log.apply("{\"sealed\":5,\"mac\":[]}", 2)).isFalse();
    assertThat(log.snapshot()).isEqualTo(before);
  }

  @Test
  void withoutASecretPlainWritesApplyAsBefore() {
    ViewLog log = new ViewLog(Optional.empty());
    assertThat(log.apply(text(log.write(1, 0, STATE)), 1)).isTrue();
    assertThat(log.apply("{\"type\":\"write\",\"term\":\"1\",\"expect\":1,\"state\":{}}", 1)).as("a term of the wrong type").isFalse();
    assertThat(log.snapshot().getLong("version")).isEqualTo(1);
  }
}
