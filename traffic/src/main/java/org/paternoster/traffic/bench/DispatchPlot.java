package org.paternoster.traffic.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paternoster.plot.SvgChart;
import org.paternoster.traffic.RunResult;

/**
 * The benchmark's figure, one self-contained HTML page (inline SVG, no script): per building and
 * scenario, the average wait of each dispatcher (mean over seeds with its 95 % interval) and the
 * distribution of waits (the share of passengers who waited longer than t, pooled over seeds,
 * from each run's 5-second histogram). Reads the JSON lines the benchmark writes. Pure.
 */
final class DispatchPlot {
  private static final int W = SvgChart.W;
  private static final int H = SvgChart.H;
  private static final int PAD = SvgChart.PAD;

  private DispatchPlot() {}

  /** The page for {@code runs} (JSON lines of the benchmark, any order). */
  static String html(List<JsonObject> runs) {
    Map<String, List<JsonObject>> byScenario = new LinkedHashMap<>();
    Set<String> dispatchers = new LinkedHashSet<>();
    for (JsonObject r : runs) {
      byScenario.computeIfAbsent(r.getString("building") + " " + r.getString("scenario"), k -> new ArrayList<>()).add(r);
      dispatchers.add(r.getString("dispatcher"));
    }
    List<String> names = List.copyOf(dispatchers);
    StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Paternoster dispatch benchmark</title><style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}"
        + "section{margin-bottom:28px}svg{border:1px solid #ddd;margin-right:16px;background:#fff}"
        + ".legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}"
        + "</style></head><body><h1>Dispatch benchmark</h1><p>Average wait per dispatcher (mean over seeds, 95 % interval) and the share of "
        + "passengers who waited longer than t (pooled over seeds). From <code>scripts/bench-dispatch.sh</code>; see docs/DISPATCH.md.</p>");
    page.append("<p class=\"legend\">");
    for (int i = 0; i < names.size(); i++) {
      page.append("<span><i style=\"background:").append(colour(i)).append("\"></i>").append(escape(names.get(i))).append("</span>");
    }
    page.append("</p>");
    byScenario.forEach((scenario, list) -> page.append("<section><h2>").append(escape(scenario)).append("</h2>")
        .append(awtBars(list, names)).append(waitCurves(list, names)).append("</section>"));
    return page.append("</body></html>\n").toString();
  }

  private static String awtBars(List<JsonObject> runs, List<String> names) {
    List<Interval> awt = new ArrayList<>();
    double top = 1;
    for (String n : names) {
      double[] xs = runs.stream().filter(r -> n.equals(r.getString("dispatcher")) && r.getValue("AWT") instanceof Number)
          .mapToDouble(r -> r.getDouble("AWT")).toArray();
      Interval i = xs.length == 0 ? null : Interval.of(xs);
      awt.add(i);
      if (i != null) top = Math.max(top, i.mean() + (Double.isNaN(i.halfWidth()) ? 0 : i.halfWidth()));
    }
    top = SvgChart.niceCeiling(top);
    SvgChart svg = new SvgChart("average wait (s)", top);
    double slot = (W - PAD - 10.0) / names.size();
    for (int k = 0; k < names.size(); k++) {
      Interval i = awt.get(k);
      if (i == null) continue;
      double x = PAD + k * slot + slot * 0.15;
      double y = svg.y(i.mean());
      svg.raw(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %.2f ± %.2f s</title></rect>",
          x, y, slot * 0.7, H - PAD - y, colour(k), escape(names.get(k)), i.mean(), Double.isNaN(i.halfWidth()) ? 0 : i.halfWidth()));
      if (!Double.isNaN(i.halfWidth())) {
        double cx = x + slot * 0.35;
        svg.raw(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>",
            cx, cx, svg.y(i.mean() - i.halfWidth()), svg.y(i.mean() + i.halfWidth())));
      }
    }
    return svg.end();
  }

  private static String waitCurves(List<JsonObject> runs, List<String> names) {
    int bins = RunResult.HISTOGRAM_BINS;
    double maxT = (bins - 1) * RunResult.HISTOGRAM_BIN_S;
    SvgChart svg = new SvgChart("share waiting longer than t (%), t in s", 100);
    for (int t = 0; t <= maxT; t += 30) svg.xLabel(SvgChart.x(t, maxT), String.valueOf(t));
    for (int k = 0; k < names.size(); k++) {
      String n = names.get(k);
      long[] sum = new long[bins];
      long total = 0;
      for (JsonObject r : runs) {
        JsonArray h = n.equals(r.getString("dispatcher")) ? r.getJsonArray("wait_hist_5s") : null;
        if (h == null) continue;
        for (int b = 0; b < Math.min(bins, h.size()); b++) {
          sum[b] += h.getLong(b);
          total += h.getLong(b);
        }
      }
      if (total == 0) continue;
      StringBuilder points = new StringBuilder();
      long above = total;
      for (int b = 0; b < bins; b++) {
        double t = b * RunResult.HISTOGRAM_BIN_S;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", SvgChart.x(t, maxT), svg.y(100.0 * above / total)));
        above -= sum[b];
      }
      svg.polyline(points.toString(), colour(k), n);
    }
    return svg.end();
  }

  private static String colour(int i) {
    return SvgChart.colour(i);
  }

  private static String escape(String s) {
    return SvgChart.escape(s);
  }
}
