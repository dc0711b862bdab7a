package org.paternoster.traffic;

import org.paternoster.dispatch.Building;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spec's generator reproduces the shared traces byte for byte: checked against their published
 * SHA-256 sums (traces/SHA256SUMS), so the test needs no copy of the files.
 */
class TraceGeneratorTest {
  @ParameterizedTest
  @CsvSource({
      "MID16,UP12,1,329e88f218c9cbb70bd8a74fc52c68f885d363ded3682cc909d7d6b91592ed12",
      "MID16,LUNCH13,3,7f4d97774c72f673d102d08e60bff3b526556fbe7562504cc3c9b18b8493f682",
      "MID16,INTER6,5,7be571df78253c032e0b89fdefd3a805774b47cc53faa561652a06bb2de6bedf",
      "MID16,HC20,2,6672db370f6043e4e60bb93aec1061e23b915814739e3021796832578d8661f5",
      "LOW10,DOWN12,4,ab97980c7a41f8c75f3708639b81e0dea90708ed11dc028cb89356da2b165b39"})
  void reproducesTheSharedTraces(String building, String scenario, long seed, String sha256) throws Exception {
    String generated = TraceGenerator.csv(TraceGenerator.generate(Building.named(building), Scenario.named(scenario), seed));
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(generated.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(java.util.HexFormat.of().formatHex(digest)).isEqualTo(sha256);
  }
}
