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

  /** {@link Fields#isId} agrees with the rule written as a regular expression, on strings near its edges. */
  @Test
  void isIdAgreesWithTheRuleAsARegularExpression() {
    java.util.regex.Pattern rule = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    String alphabet = "aZz09._-/:@[`{ \u00e9\u0000+,AM";
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(70);
      // mostly valid characters, so that long strings still reach the length limit
      for (int k = 0; k < length; k++) s.append(random.nextInt(20) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : alphabet.charAt(random.nextInt(8)));
      String value = s.toString();
      assertThat(Fields.isId(value)).as("%s", value).isEqualTo(rule.matcher(value).matches());
    }
    assertThat(Fields.isId("x".repeat(64))).isTrue();
    assertThat(Fields.isId(null)).isFalse();
  }
}
