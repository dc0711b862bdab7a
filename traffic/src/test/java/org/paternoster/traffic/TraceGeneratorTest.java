package org.paternoster.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec's generator reproduces the shared traces byte for byte (when they are beside the checkout). */
class TraceGeneratorTest {
  private static final Path SHARED = Path.of("../../shared/bench/traces").toAbsolutePath().normalize();

  @ParameterizedTest
  @CsvSource({"MID16,UP12,1", "MID16,LUNCH13,3", "MID16,INTER6,5", "MID16,HC20,2", "LOW10,DOWN12,4"})
  void reproducesTheSharedTraces(String building, String scenario, long seed) throws IOException {
    Path file = SHARED.resolve(building + "_" + scenario + "_s" + seed + ".csv");
    assumeTrue(Files.isRegularFile(file), "shared traces not found at " + SHARED);
    Building b = Building.named(building);
    String generated = TraceGenerator.csv(TraceGenerator.generate(b, Scenario.named(scenario), seed));
    assertThat(generated).isEqualTo(Files.readString(file));
  }
}
