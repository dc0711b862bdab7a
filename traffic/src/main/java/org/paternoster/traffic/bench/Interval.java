package org.paternoster.traffic.bench;

import java.util.Locale;

/** Mean ± half-width of the 95 % interval of a small sample (Student's t over seeds). */
public record Interval(double mean, double halfWidth, int n) {
  /** t(0.975, df) for df = 1..30; beyond, the normal 1.96. */
  private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201,
      2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052,
      2.048, 2.045, 2.042};

  public static Interval of(double[] xs) {
    int n = xs.length;
    if (n == 0) return new Interval(Double.NaN, Double.NaN, 0);
    double mean = 0;
    for (double x : xs) mean += x;
    mean /= n;
    if (n == 1) return new Interval(mean, Double.NaN, 1);
    double ss = 0;
    for (double x : xs) ss += (x - mean) * (x - mean);
    double sd = Math.sqrt(ss / (n - 1));
    return new Interval(mean, t975(n - 1) * sd / Math.sqrt(n), n);
  }

  static double t975(int df) {
    return df <= T975.length ? T975[df - 1] : 1.96;
  }

  @Override
  public String toString() {
    if (Double.isNaN(halfWidth)) return String.format(Locale.ROOT, "%.2f", mean);
    return String.format(Locale.ROOT, "%.2f ± %.2f", mean, halfWidth);
  }
}
