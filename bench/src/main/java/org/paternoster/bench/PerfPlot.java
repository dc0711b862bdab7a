package org.paternoster.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.paternoster.plot.SvgChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The performance figure (issue 16), one self-contained HTML page: acknowledged writes per second
 * and p99 latency by number of clients for each system the commit benchmark measured (Paternoster
 * and Redis {@code SET} + {@code WAIT 1} side by side, and the HTTP floor of bench-http-floor when
 * given), and the button → light distribution of
 * each light or scale run (the share of presses slower than t). Reads the benchmarks' JSON lines;
 * other lines are skipped.
 */
@Command(name = "plot-perf.sh", mixinStandardHelpOptions = true,
    description = "Draws bench-commit, bench-http-floor, bench-light and bench-scale JSON lines as one page (and a picture with chromium).")
public final class PerfPlot implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE.jsonl", description = "JSON lines of bench-commit.sh, bench-http-floor.sh, bench-light.sh, bench-scale.sh")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "PAGE.html") Path out;

  @Override
  public Integer call() throws Exception {
    List<JsonObject> lines = new ArrayList<>();
    for (Path in : inputs) {
      for (String line : Files.readAllLines(in)) {
        if (!line.startsWith("{")) continue;
        try {
          lines.add(new JsonObject(line));
        } catch (RuntimeException e) {
          throw new CommandLine.ParameterException(new CommandLine(this), in + ": not a JSON line: " + line);
        }
      }
    }
    Files.writeString(out, html(lines));
    return 0;
  }

  static String html(List<JsonObject> lines) {
    Map<String, Map<Integer, JsonObject>> commit = new LinkedHashMap<>();
    List<JsonObject> light = new ArrayList<>();
    for (JsonObject l : lines) {
      boolean measured = l.containsKey("clients") && !l.containsKey("phase"); // not a note, not the JIT warm-up
      if (measured && "commit".equals(l.getString("bench"))) {
        commit.computeIfAbsent(l.getString("system"), k -> new java.util.TreeMap<>()).put(l.getInteger("clients"), l);
      } else if (measured && "http-floor".equals(l.getString("bench"))) {
        commit.computeIfAbsent(floorName(l.getInteger("hops")), k -> new java.util.TreeMap<>()).put(l.getInteger("clients"), l);
      } else if (l.getJsonArray("percentiles_ms") != null) {
        light.add(l);
      }
    }
    StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Paternoster performance</title><style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}"
        + "svg{border:1px solid #ddd;margin:0 16px 16px 0;background:#fff}.legend span{display:inline-block;margin-right:14px}"
        + ".legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}</style></head><body>"
        + "<h1>Commit path and button → light</h1><p>From <code>scripts/bench-commit.sh</code>, <code>bench-http-floor.sh</code>, <code>bench-light.sh</code> and "
        + "<code>bench-scale.sh</code> on one machine; see docs/BENCHMARKS.md.</p>");
    if (!commit.isEmpty()) {
      List<String> systems = List.copyOf(commit.keySet());
      page.append(legend(systems));
      List<Integer> levels = List.copyOf(commit.values().stream().flatMap(m -> m.keySet().stream()).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
      page.append(byClients("acknowledged writes per second, by clients", commit, systems, levels, "ops_per_s"));
      page.append(byClients("p99 latency (ms), by clients", commit, systems, levels, "p99_ms"));
    }
    if (!light.isEmpty()) {
      List<String> names = light.stream().map(PerfPlot::lightName).toList();
      page.append(legend(names)).append(lightCurves(light, names));
    }
    return page.append("</body></html>\n").toString();
  }

  private static String legend(List<String> names) {
    StringBuilder out = new StringBuilder("<p class=\"legend\">");
    for (int i = 0; i < names.size(); i++) {
      out.append("<span><i style=\"background:").append(SvgChart.colour(i)).append("\"></i>").append(SvgChart.escape(names.get(i))).append("</span>");
    }
    return out.append("</p>").toString();
  }

  /** One line per system over the client levels (evenly spaced: they grow by factors). */
  private static String byClients(String title, Map<String, Map<Integer, JsonObject>> bySystem, List<String> systems, List<Integer> levels, String field) {
    double top = 0;
    for (Map<Integer, JsonObject> m : bySystem.values()) for (JsonObject l : m.values()) top = Math.max(top, number(l, field));
    SvgChart chart = new SvgChart(title, SvgChart.niceCeiling(Math.max(top, 1e-3)));
    double last = Math.max(1, levels.size() - 1);
    for (int i = 0; i < levels.size(); i++) chart.xLabel(SvgChart.x(i, last), String.valueOf(levels.get(i)));
    for (int s = 0; s < systems.size(); s++) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < levels.size(); i++) {
        JsonObject l = bySystem.get(systems.get(s)).get(levels.get(i));
        if (l == null) continue;
        double x = SvgChart.x(i, last);
        double y = chart.y(number(l, field));
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        chart.raw(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s, %d clients: %s</title></circle>",
            x, y, SvgChart.colour(s), SvgChart.escape(systems.get(s)), levels.get(i), l.getValue(field)));
      }
      chart.polyline(points.toString(), SvgChart.colour(s), systems.get(s));
    }
    return chart.end();
  }

  /** The share of presses slower than t, from each run's percentile points (t up to the largest p99 seen, at least 50 ms). */
  private static String lightCurves(List<JsonObject> runs, List<String> names) {
    double maxT = 50;
    for (JsonObject r : runs) for (Object p : r.getJsonArray("percentiles_ms")) {
      JsonArray pair = (JsonArray) p;
      if (pair.getDouble(0) <= 99) maxT = Math.max(maxT, pair.getDouble(1));
    }
    maxT = SvgChart.niceCeiling(maxT);
    SvgChart chart = new SvgChart("button → light: share of presses slower than t (%), t in ms", 100);
    for (int i = 0; i <= 5; i++) chart.xLabel(SvgChart.x(maxT * i / 5, maxT), String.valueOf(Math.round(maxT * i / 5)));
    for (int k = 0; k < runs.size(); k++) {
      StringBuilder points = new StringBuilder();
      for (Object p : runs.get(k).getJsonArray("percentiles_ms")) {
        JsonArray pair = (JsonArray) p;
        double t = Math.min(maxT, pair.getDouble(1));
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", SvgChart.x(t, maxT), chart.y(100 - pair.getDouble(0))));
      }
      chart.polyline(points.toString(), SvgChart.colour(k), names.get(k));
    }
    return chart.end();
  }

  /** A bench-http-floor series beside the systems: servers that do no work. */
  private static String floorName(int hops) {
    return hops == 1 ? "Vert.x HTTP floor, 1 hop, no work" : "Vert.x HTTP floor, 2 hops, no work, no group commit";
  }

  private static String lightName(JsonObject l) {
    return "scale".equals(l.getString("bench")) ? l.getInteger("elevators") + " elevators (bench-scale)" : "1 elevator (bench-light)";
  }

  private static double number(JsonObject l, String field) {
    return l.getValue(field) instanceof Number n ? n.doubleValue() : 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new PerfPlot()).execute(args));
  }
}
