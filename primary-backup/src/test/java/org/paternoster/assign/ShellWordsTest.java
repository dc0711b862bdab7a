package org.paternoster.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void splitsOnBlanks() {
    assertThat(ShellWords.split("  hall_request_assigner  --travelDuration 2500\t--includeCab "))
        .containsExactly("hall_request_assigner", "--travelDuration", "2500", "--includeCab");
    assertThat(ShellWords.split("   ")).isEmpty();
  }

  @Test
  void keepsQuotedBlanksAndJoinsAdjacentParts() {
    assertThat(ShellWords.split("python3 '/opt/my assigner/run.py' \"a \\\"b\\\" \\\\c\" x'y z'\"!\""))
        .containsExactly("python3", "/opt/my assigner/run.py", "a \"b\" \\c", "xy z!");
    assertThat(ShellWords.split("a\\ b '' \"\"")).containsExactly("a b", "", "");
    assertThat(ShellWords.split("'a\\b' \"a\\b\"")).containsExactly("a\\b", "a\\b");
  }

  @Test
  void rejectsUnterminatedQuotesAndTrailingBackslash() {
    assertThatThrownBy(() -> ShellWords.split("run 'oops")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShellWords.split("run \"oops")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShellWords.split("run \\")).isInstanceOf(IllegalArgumentException.class);
  }
}
