package org.paternoster.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SvgChartTest {

  @Test
  void axisTopsAreRound() {
    assertThat(SvgChart.niceCeiling(43)).isEqualTo(50);
    assertThat(SvgChart.niceCeiling(150)).isEqualTo(200);
    assertThat(SvgChart.niceCeiling(0.7)).isEqualTo(1);
  }

  @Test
  void valuesMapToRowsFromTheAxisUpAndTextIsEscaped() {
    SvgChart chart = new SvgChart("a<b & c", 100);
    assertThat(chart.y(0)).isEqualTo(SvgChart.H - SvgChart.PAD);
    assertThat(chart.y(100)).isEqualTo(28);
    assertThat(chart.y(-5)).as("clamped at 0").isEqualTo(chart.y(0));
    String svg = chart.polyline("1,2 3,4 ", "#000", "x\"y").xLabel(10, "<1>").end();
    assertThat(svg).startsWith("<svg ").endsWith("</svg>").contains("a&lt;b &amp; c", "points=\"1,2 3,4\"", "x&quot;y", "&lt;1&gt;")
        .doesNotContain("a<b");
    assertThat(svg.split("stroke=\"#eee\"", -1)).as("five grid lines").hasSize(6);
  }

  @Test
  void anAxisMustHaveHeight() {
    assertThatThrownBy(() -> new SvgChart("t", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
