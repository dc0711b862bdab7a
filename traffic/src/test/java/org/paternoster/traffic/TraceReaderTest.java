package org.paternoster.traffic;

import org.paternoster.dispatch.Building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceReaderTest {
  private static List<Passenger> read(String text) throws IOException {
    return TraceReader.read(new StringReader(text), "t.csv", Building.MID16);
  }

  @Test
  void readsRowsInSeconds() throws IOException {
    List<Passenger> ps = read("id,t_ms,origin,destination\n0,1741,0,15\n1,2965,7,0\n\n");
    assertThat(ps).hasSize(2);
    assertThat(ps.get(0).arrivalAt()).isEqualTo(1.741);
    assertThat(ps.get(1).origin()).isEqualTo(7);
    assertThat(ps.get(1).destination()).isZero();
  }

  @Test
  void badInputIsNamedByLine() {
    assertThatThrownBy(() -> read("")).hasMessageContaining("t.csv: empty");
    assertThatThrownBy(() -> read("id,t,o,d\n")).hasMessageContaining("t.csv:1: expected the header");
    assertThatThrownBy(() -> read("id,t_ms,origin,destination\n0,1,0\n")).hasMessageContaining("t.csv:2: expected 4 columns");
    assertThatThrownBy(() -> read("id,t_ms,origin,destination\n0,x,0,3\n")).hasMessageContaining("t.csv:2: t_ms must be an integer");
    assertThatThrownBy(() -> read("id,t_ms,origin,destination\n0,5,0,16\n")).hasMessageContaining("destination 16 is not a floor of MID16");
    assertThatThrownBy(() -> read("id,t_ms,origin,destination\n0,5,3,3\n")).hasMessageContaining("origin and destination are both 3");
    assertThatThrownBy(() -> read("id,t_ms,origin,destination\n0,5,0,3\n1,4,0,3\n")).hasMessageContaining("t.csv:3: t_ms goes back in time");
    assertThatThrownBy(() -> read("id,t_ms,origin,destination\n0,5,0,3\n0,6,0,3\n")).hasMessageContaining("duplicate id 0");
    assertThatThrownBy(() -> read("id,t_ms,origin,destination\n0,-5,0,3\n")).hasMessageContaining("t_ms must be >= 0");
  }

  @Test
  void aMissingFileSaysWhich() {
    assertThatThrownBy(() -> TraceReader.read(Path.of("/nonexistent/MID16_UP12_s1.csv"), Building.MID16))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no trace file /nonexistent/MID16_UP12_s1.csv");
  }
}
