package org.paternoster.plot;

import java.util.Locale;

/**
 * One small chart as inline SVG (no script), for the benchmarks' self-contained figure pages:
 * a frame with a title, a y axis from 0 to {@code top} with five grid lines, and whatever marks
 * the caller draws in pixel coordinates ({@link #x}, {@link #y}). Text is escaped. Pure.
 */
public final class SvgChart {
  public static final int W = 460;
  public static final int H = 260;
  public static final int PAD = 46;
  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"};

  private final StringBuilder svg;
  private final double top;

  /** A chart titled {@code title} whose y axis runs from 0 to {@code top} (&gt; 0). */
  public SvgChart(String title, double top) {
    if (!(top > 0)) throw new IllegalArgumentException("top must be > 0: " + top);
    this.top = top;
    svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">"
            + "<text x=\"%d\" y=\"16\" font-size=\"12\">%s</text>"
            + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
        W, H, escape(title), PAD, escape(title), PAD, H - PAD, W - 10, H - PAD));
    for (int i = 0; i <= 4; i++) {
      double v = top * i / 4;
      double y = y(v);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
          + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>", PAD, W - 10, y, y, PAD - 4, y + 3, label(v)));
    }
  }

  /** The pixel row of value {@code v} (clamped at 0). */
  public double y(double v) {
    return H - PAD - (H - PAD - 28) * Math.max(0, v) / top;
  }

  /** The pixel column of {@code t} on an x axis from 0 to {@code maxT}. */
  public static double x(double t, double maxT) {
    return PAD + (W - PAD - 10) * t / maxT;
  }

  /** A label under the x axis at pixel column {@code x}. */
  public SvgChart xLabel(double x, String text) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>", x, H - PAD + 14, escape(text)));
    return this;
  }

  /** A line through {@code points} ("x,y x,y ..." in pixels) in {@code colour}, named {@code title} on hover. */
  public SvgChart polyline(String points, String colour, String title) {
    svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
        .append(points.strip()).append("\"><title>").append(escape(title)).append("</title></polyline>");
    return this;
  }

  /** Raw SVG the caller built (its text already escaped). */
  public SvgChart raw(String fragment) {
    svg.append(fragment);
    return this;
  }

  /** The finished {@code <svg>} element. */
  public String end() {
    return svg + "</svg>";
  }

  /** 1, 2 or 5 times a power of ten at or above {@code v}. */
  public static double niceCeiling(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) if (m * p >= v) return m * p;
    return 10 * p;
  }

  /** The {@code i}-th series colour (they repeat after nine). */
  public static String colour(int i) {
    return COLOURS[i % COLOURS.length];
  }

  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String label(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
