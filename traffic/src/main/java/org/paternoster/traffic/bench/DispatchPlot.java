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
import org.paternoster.traffic.RunResult;

/**
 * The benchmark's figure, one self-contained HTML page (inline SVG, no script): per building and
 * scenario, the average wait of each dispatcher (mean over seeds with its 95 % interval) and the
 * distribution of waits (the share of passengers who waited longer than t, pooled over seeds,
 * from each run's 5-second histogram). Reads the JSON lines the benchmark writes. Pure.
 */
final class DispatchPlot {
  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"};
  private static final int W = 460;
  private static final int H = 260;
  private static final int PAD = 46;

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
    top = niceCeiling(top);
    StringBuilder svg = svg("average wait (s)");
    axisY(svg, top, "s");
    double slot = (W - PAD - 10.0) / names.size();
    for (int k = 0; k < names.size(); k++) {
      Interval i = awt.get(k);
      if (i == null) continue;
      double x = PAD + k * slot + slot * 0.15;
      double y = y(i.mean(), top);
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %.2f ± %.2f s</title></rect>",
          x, y, slot * 0.7, H - PAD - y, colour(k), escape(names.get(k)), i.mean(), Double.isNaN(i.halfWidth()) ? 0 : i.halfWidth()));
      if (!Double.isNaN(i.halfWidth())) {
        double cx = x + slot * 0.35;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>",
            cx, cx, y(i.mean() - i.halfWidth(), top), y(i.mean() + i.halfWidth(), top)));
      }
    }
    return svg.append("</svg>").toString();
  }

  private static String waitCurves(List<JsonObject> runs, List<String> names) {
    int bins = RunResult.HISTOGRAM_BINS;
    double maxT = (bins - 1) * RunResult.HISTOGRAM_BIN_S;
    StringBuilder svg = svg("share waiting longer than t (%), t in s");
    axisY(svg, 100, "%");
    for (int t = 0; t <= maxT; t += 30) {
      double x = x(t, maxT);
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>", x, H - PAD + 14, t));
    }
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
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t, maxT), y(100.0 * above / total, 100)));
        above -= sum[b];
      }
      svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour(k)).append("\" points=\"")
          .append(points.toString().strip()).append("\"><title>").append(escape(n)).append("</title></polyline>");
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder svg(String title) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">"
            + "<text x=\"%d\" y=\"16\" font-size=\"12\">%s</text>"
            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
        W, H, escape(title), PAD, escape(title), PAD, H - PAD, W - 10, H - PAD));
  }

  private static void axisY(StringBuilder svg, double top, String unit) {
    for (int i = 0; i <= 4; i++) {
      double v = top * i / 4;
      double y = y(v, top);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
          + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>", PAD, W - 10, y, y, PAD - 4, y + 3, label(v)));
    }
  }

  private static double y(double v, double top) {
    return H - PAD - (H - PAD - 28) * Math.max(0, v) / top;
  }

  private static double x(double t, double maxT) {
    return PAD + (W - PAD - 10) * t / maxT;
  }

  /** 1, 2 or 5 times a power of ten at or above {@code v}. */
  static double niceCeiling(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) if (m * p >= v) return m * p;
    return 10 * p;
  }

  private static String label(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String colour(int i) {
    return COLOURS[i % COLOURS.length];
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
