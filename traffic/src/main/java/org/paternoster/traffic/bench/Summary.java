package org.paternoster.traffic.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.paternoster.traffic.RunResult;

/**
 * The table a person reads after a benchmark: per building and scenario, each dispatcher's mean ±
 * 95 % interval over the seeds, then the paired differences (same seed) of AWT and % waits > 60 s
 * of every dispatcher against every baseline. Scenarios are never blended.
 */
final class Summary {
  private Summary() {}

  static String of(List<RunResult> runs, List<String> baselines) {
    Map<String, List<RunResult>> byScenario = new LinkedHashMap<>();
    for (RunResult r : runs) byScenario.computeIfAbsent(r.building() + " " + r.scenario(), k -> new ArrayList<>()).add(r);
    StringBuilder sb = new StringBuilder();
    byScenario.forEach((key, list) -> table(sb, key, list, baselines));
    return sb.toString();
  }

  private static void table(StringBuilder sb, String key, List<RunResult> runs, List<String> baselines) {
    Map<String, Map<Long, RunResult>> byDispatcher = new LinkedHashMap<>();
    for (RunResult r : runs) byDispatcher.computeIfAbsent(r.dispatcher(), k -> new LinkedHashMap<>()).put(r.seed(), r);
    int seeds = byDispatcher.values().stream().mapToInt(Map::size).max().orElse(0);
    sb.append(String.format(Locale.ROOT, "%n== %s (%d seeds; mean ± 95 %% interval) ==%n", key, seeds));
    sb.append(String.format(Locale.ROOT, "%-16s %-15s %-15s %-15s %-15s %-15s %-15s %6s %10s%n", "dispatcher", "AWT s", "P90W s",
        "% wait > 60", "ATTD s", "HC5 %", "car-km", "undel", "dec p99 ms"));
    byDispatcher.forEach((name, bySeed) -> {
      List<RunResult> rs = new ArrayList<>(bySeed.values());
      sb.append(String.format(Locale.ROOT, "%-16s %-15s %-15s %-15s %-15s %-15s %-15s %6d %10.3f%n", name,
          interval(rs, RunResult::awt), interval(rs, RunResult::p90w), interval(rs, RunResult::pctWaitGt60),
          interval(rs, RunResult::attd), interval(rs, RunResult::hc5Pct), interval(rs, RunResult::carKm),
          rs.stream().mapToInt(RunResult::undelivered).sum(),
          rs.stream().mapToDouble(RunResult::decisionMsP99).max().orElse(Double.NaN)));
    });
    for (String metric : List.of("AWT", "% wait > 60")) {
      ToDoubleFunction<RunResult> f = metric.equals("AWT") ? RunResult::awt : RunResult::pctWaitGt60;
      List<String> present = baselines.stream().filter(byDispatcher::containsKey).toList();
      if (present.isEmpty() || byDispatcher.size() < 2) continue;
      sb.append(String.format(Locale.ROOT, "paired Δ %s (row − column, same seeds):%n%-16s", metric, ""));
      for (String b : present) sb.append(String.format(Locale.ROOT, " %-17s", b));
      sb.append('\n');
      byDispatcher.forEach((name, bySeed) -> {
        sb.append(String.format(Locale.ROOT, "%-16s", name));
        for (String b : present) {
          Map<Long, RunResult> base = byDispatcher.get(b);
          double[] diffs = bySeed.entrySet().stream().filter(e -> base.containsKey(e.getKey()))
              .mapToDouble(e -> f.applyAsDouble(e.getValue()) - f.applyAsDouble(base.get(e.getKey()))).toArray();
          sb.append(String.format(Locale.ROOT, " %-17s", name.equals(b) ? "-" : Interval.of(diffs).toString()));
        }
        sb.append('\n');
      });
    }
  }

  private static String interval(List<RunResult> rs, ToDoubleFunction<RunResult> f) {
    return Interval.of(rs.stream().mapToDouble(f).toArray()).toString();
  }
}
