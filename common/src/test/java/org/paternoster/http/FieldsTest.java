package org.paternoster.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class FieldsTest {
  @Test
  void integersMustBeIntegersInRange() {
    JsonObject body = new JsonObject().put("n", 3).put("f", 1.5).put("s", "3");
    assertThat(Fields.integer(body, "n", 0, 10)).isEqualTo(3);
    assertThatThrownBy(() -> Fields.integer(body, "f", 0, 10)).isInstanceOf(BadRequest.class).hasMessageContaining("integer");
    assertThatThrownBy(() -> Fields.integer(body, "s", 0, 10)).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> Fields.integer(body, "n", 4, 10)).hasMessageContaining("4..10");
    assertThatThrownBy(() -> Fields.integer(body, "missing", 0, 10)).hasMessageContaining("missing field");
  }

  @Test
  void idsFollowThePattern() {
    assertThat(Fields.id(new JsonObject().put("id", "r-1.a_b"), "id")).isEqualTo("r-1.a_b");
    assertThatThrownBy(() -> Fields.id(new JsonObject().put("id", "a b"), "id")).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> Fields.id(new JsonObject().put("id", "x".repeat(65)), "id")).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> Fields.id(new JsonObject().put("id", ""), "id")).isInstanceOf(BadRequest.class);
  }
}
