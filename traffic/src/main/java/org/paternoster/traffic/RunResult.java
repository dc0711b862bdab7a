package org.paternoster.traffic;

import java.util.Locale;

/**
 * The metrics of one run (docs/DISPATCH.md), in seconds unless named otherwise. Waits are over
 * the measured passengers who boarded; {@code undelivered} counts measured passengers not at their
 * destination when the run ended. {@code decisionMsP99} is wall-clock time and the only field that
 * differs between equal runs: {@link #toJson(boolean)} can leave it out.
 */
public record RunResult(
    String building, String scenario, long seed, String dispatcher, boolean plansRoutes, int n, int undelivered,
    double awt, double attd, double p50w, double p90w, double p95w, double maxW, double pctWaitGt30,
    double pctWaitGt60, double pctWaitGt90, double aswt, double hc5Pct, long stops, double carKm, double[] awtByFloor,
    int[] waitHistogram, double decisionMsP99) {
  /** The width of a {@link #waitHistogram} bin, seconds; the last bin holds every longer wait. */
  public static final int HISTOGRAM_BIN_S = 5;
  /** Bins of the histogram: 0–5 s, 5–10 s, ... 175–180 s, then ≥ 180 s. */
  public static final int HISTOGRAM_BINS = 37;

  /** How many of {@code sortedWaits} fall in each {@link #HISTOGRAM_BIN_S}-second bin. */
  public static int[] histogram(double[] sortedWaits) {
    int[] bins = new int[HISTOGRAM_BINS];
    for (double w : sortedWaits) bins[Math.min(HISTOGRAM_BINS - 1, (int) (w / HISTOGRAM_BIN_S))]++;
    return bins;
  }

  /** One JSON line, fields in a fixed order, numbers with fixed decimals: equal runs give equal bytes. */
  public String toJson(boolean withDecisionTime) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("{\"building\":\"").append(building).append("\",\"scenario\":\"").append(scenario)
        .append("\",\"seed\":").append(seed).append(",\"dispatcher\":\"").append(dispatcher)
        .append("\",\"plans_routes\":").append(plansRoutes).append(",\"n\":").append(n)
        .append(",\"undelivered\":").append(undelivered)
        .append(",\"AWT\":").append(num(awt)).append(",\"ATTD\":").append(num(attd))
        .append(",\"P50W\":").append(num(p50w)).append(",\"P90W\":").append(num(p90w))
        .append(",\"P95W\":").append(num(p95w)).append(",\"maxW\":").append(num(maxW))
        .append(",\"pct_wait_gt30\":").append(num(pctWaitGt30)).append(",\"pct_wait_gt60\":").append(num(pctWaitGt60))
        .append(",\"pct_wait_gt90\":").append(num(pctWaitGt90)).append(",\"ASWT\":").append(num(aswt))
        .append(",\"HC5_pct\":").append(num(hc5Pct)).append(",\"stops\":").append(stops)
        .append(",\"car_km\":").append(num(carKm)).append(",\"AWT_by_floor\":[");
    for (int f = 0; f < awtByFloor.length; f++) sb.append(f == 0 ? "" : ",").append(num(awtByFloor[f]));
    sb.append("],\"wait_hist_5s\":[");
    for (int i = 0; i < waitHistogram.length; i++) sb.append(i == 0 ? "" : ",").append(waitHistogram[i]);
    sb.append(']');
    if (withDecisionTime) sb.append(",\"decision_ms_p99\":").append(String.format(Locale.ROOT, "%.4f", decisionMsP99));
    return sb.append('}').toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.3f", v);
  }
}
