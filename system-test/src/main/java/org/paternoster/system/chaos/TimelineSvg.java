package org.paternoster.system.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a run as one self-contained HTML page with an inline SVG (no scripts, no CDN): a time
 * axis; a lane of faults (bars from injection to heal); the view (primary/backup per view); one
 * row per process showing when it did not answer; direct-order acknowledgements; and the calls,
 * one bar per lit stretch from light-on to service (green served, red lost). Violations are red
 * vertical lines. Hovering any mark shows its details (SVG {@code <title>}). Pure.
 */
public final class TimelineSvg {
  private static final int LEFT = 150;
  private static final int WIDTH = 1500;
  private static final int ROW = 14;
  private static final Map<String, String> FAULT_COLOURS = Map.of("kill", "#d62728", "pause", "#9467bd",
      "partition", "#ff7f0e", "loss", "#bcbd22", "motor", "#8c564b", "obstruction", "#e377c2", "dup-reorder", "#17becf");

  private final StringBuilder svg = new StringBuilder();
  private final double scale;
  private int y = 30;

  private TimelineSvg(long end) {
    this.scale = (WIDTH - LEFT - 20) / (double) Math.max(1, end);
  }

  public static String html(String title, List<Event> events, Verdict verdict, long end) {
    TimelineSvg t = new TimelineSvg(end);
    t.axis(end);
    t.faults(events, end);
    t.views(events, end);
    t.reachability(events, end);
    t.acks(events);
    t.calls(verdict.episodes(), end);
    int height = t.y + 20;
    String violations = verdict.violations().isEmpty() ? "<p>All properties held.</p>"
        : "<ul>" + verdict.violations().stream().map(v -> "<li><b>" + esc(v.property()) + "</b>: " + esc(v.detail()) + "</li>")
            .reduce("", String::concat) + "</ul>";
    StringBuilder lines = new StringBuilder();
    for (Verdict.Violation v : verdict.violations()) {
      lines.append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='20' y2='%d' stroke='red' stroke-width='1.5'><title>%s</title></line>",
          t.x(v.t()), t.x(v.t()), height - 10, esc(v.property() + ": " + v.detail())));
    }
    return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + esc(title) + "</title>"
        + "<style>body{font-family:sans-serif;margin:16px} text{font-size:11px;font-family:sans-serif}</style></head><body>"
        + "<h2>" + esc(title) + "</h2>" + violations
        + "<p>Lost " + verdict.lost() + ", served " + verdict.served() + ", worst service " + verdict.worstServiceS() + " s. "
        + "Hover a mark for details. Fault colours: " + legend() + "</p>"
        + "<svg xmlns='http://www.w3.org/2000/svg' width='" + WIDTH + "' height='" + height + "'>"
        + t.svg + lines + "</svg></body></html>\n";
  }

  private double x(long t) {
    return LEFT + t * scale;
  }

  private void label(String text) {
    svg.append(String.format(Locale.ROOT, "<text x='4' y='%d'>%s</text>", y + ROW - 3, esc(text)));
  }

  private void bar(long from, long to, int row, String colour, String tip, String text) {
    double x0 = x(from);
    double w = Math.max(2, x(to) - x0);
    svg.append(String.format(Locale.ROOT, "<g><rect x='%.1f' y='%d' width='%.1f' height='%d' fill='%s' opacity='0.85'/>",
        x0, y + row * ROW + 1, w, ROW - 2, colour));
    if (text != null && w > 7 * text.length()) {
      svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' fill='white'>%s</text>", x0 + 2, y + row * ROW + ROW - 3, esc(text)));
    }
    svg.append("<title>").append(esc(tip)).append("</title></g>");
  }

  private void axis(long end) {
    long step = end > 300_000 ? 60_000 : end > 60_000 ? 10_000 : 5_000;
    for (long t = 0; t <= end; t += step) {
      svg.append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='18' y2='100%%' stroke='#eee'/>"
          + "<text x='%.1f' y='14'>%ds</text>", x(t), x(t), x(t) - 6, t / 1000));
    }
  }

  private void faults(List<Event> events, long end) {
    Map<Integer, Event.Fault> started = new HashMap<>();
    List<long[]> rowsEnd = new ArrayList<>();
    List<Object[]> bars = new ArrayList<>();
    for (Event e : events) {
      if (!(e instanceof Event.Fault f)) continue;
      if (f.start()) started.put(f.id(), f);
      else if (started.containsKey(f.id())) bars.add(new Object[] {started.remove(f.id()), f.t()});
    }
    started.values().forEach(f -> bars.add(new Object[] {f, end}));
    label("faults");
    int rows = 1;
    for (Object[] b : bars) {
      Event.Fault f = (Event.Fault) b[0];
      long to = (Long) b[1];
      int row = pack(rowsEnd, f.t(), to);
      rows = Math.max(rows, row + 1);
      bar(f.t(), to, row, FAULT_COLOURS.getOrDefault(f.kind(), "#777"), "#" + f.id() + " " + f.detail() + " "
          + HistoryChecker.secs(f.t()) + "-" + HistoryChecker.secs(to), f.kind());
    }
    y += rows * ROW + 8;
  }

  private void views(List<Event> events, long end) {
    label("view (primary/backup)");
    Event.ViewSeen current = null;
    for (Event e : events) {
      if (!(e instanceof Event.ViewSeen v)) continue;
      if (current != null && current.viewnum() != v.viewnum()) viewBar(current, v.t());
      if (current == null || current.viewnum() != v.viewnum()) current = v;
    }
    if (current != null) viewBar(current, end);
    y += ROW + 8;
  }

  private void viewBar(Event.ViewSeen v, long to) {
    String text = "v" + v.viewnum() + " " + v.primary() + "/" + v.backup();
    bar(v.t(), to, 0, v.viewnum() % 2 == 0 ? "#1f77b4" : "#17becf", text + " from " + HistoryChecker.secs(v.t()), text);
  }

  private void reachability(List<Event> events, long end) {
    for (String name : Topology.all()) {
      label(name + " not answering");
      Long downSince = null;
      for (Event e : events) {
        if (!(e instanceof Event.Reachable r) || !r.name().equals(name)) continue;
        if (!r.up() && downSince == null) downSince = r.t();
        if (r.up() && downSince != null) {
          bar(downSince, r.t(), 0, "#555", name + " not answering " + HistoryChecker.secs(downSince) + "-" + HistoryChecker.secs(r.t()), null);
          downSince = null;
        }
      }
      if (downSince != null) bar(downSince, end, 0, "#555", name + " not answering from " + HistoryChecker.secs(downSince), null);
      y += ROW;
    }
    y += 8;
  }

  private void acks(List<Event> events) {
    label("direct orders acked");
    for (Event e : events) {
      if (e instanceof Event.Ack a) {
        svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%d' r='3' fill='%s'><title>%s</title></circle>", x(a.t()),
            y + ROW / 2, "r1".equals(a.replica()) ? "#2ca02c" : "r2".equals(a.replica()) ? "#1f77b4" : "#ff7f0e",
            esc(a.call() + " acked by " + a.replica() + " in view " + a.viewnum() + " seq " + a.seq() + " at " + HistoryChecker.secs(a.t()))));
      }
    }
    y += ROW + 8;
  }

  private void calls(List<Verdict.Episode> episodes, long end) {
    label("calls (lit → served)");
    List<long[]> rowsEnd = new ArrayList<>();
    int rows = 1;
    for (Verdict.Episode ep : episodes) {
      long to = ep.servedAt() != null ? ep.servedAt() : ep.off() != null ? ep.off() : end;
      int row = pack(rowsEnd, ep.on(), to);
      rows = Math.max(rows, row + 1);
      String tip = ep.call() + " lit " + HistoryChecker.secs(ep.on()) + (ep.served()
          ? ", served after " + ep.serviceMs() + " ms" : ", NOT SERVED: " + ep.why());
      bar(ep.on(), to, row, ep.served() ? "#2ca02c" : "#d62728", tip, ep.call());
    }
    y += rows * ROW + 8;
  }

  /** The first row whose last bar ends before {@code from} (greedy interval packing). */
  private int pack(List<long[]> rowsEnd, long from, long to) {
    long gap = (long) (4 / scale);
    for (int i = 0; i < rowsEnd.size(); i++) {
      if (rowsEnd.get(i)[0] + gap < from) {
        rowsEnd.get(i)[0] = to;
        return i;
      }
    }
    rowsEnd.add(new long[] {to});
    return rowsEnd.size() - 1;
  }

  private static String legend() {
    StringBuilder b = new StringBuilder();
    FAULT_COLOURS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        b.append("<span style='color:").append(e.getValue()).append("'>&#9632; ").append(e.getKey()).append("</span> "));
    return b.toString();
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
  }
}
