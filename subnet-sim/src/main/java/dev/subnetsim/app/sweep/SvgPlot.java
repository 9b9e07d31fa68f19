package dev.subnetsim.app.sweep;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for {@code sweep.html}, well-formed XML (tests parse them): a metric against a
 * swept field (mean and 95% interval over seeds, one line per combination of the other fields,
 * every seed's value a dot linking to its run's report) and latency CDFs.
 */
final class SvgPlot {
  static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
      "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  static final int W = 720;
  static final int H = 300;
  private static final int LEFT = 70;
  private static final int RIGHT = 230;
  private static final int TOP = 20;
  private static final int BOTTOM = 45;

  /** One run's value: a dot linking to the run's report. */
  record Mark(double y, String href, String title) {}

  /** A point of a line: its x, the statistics over its seeds and the seeds' own values. */
  record Point(double x, Stats stats, List<Mark> seeds) {}

  record Line(String label, List<Point> points) {}

  /** A CDF: sorted values, drawn as a step line linking to {@code href}. */
  record Cdf(String label, String href, List<Double> sorted) {}

  /** An x tick: a position and the value as the user wrote it. */
  record Tick(double x, String label) {}

  private SvgPlot() {}

  static String means(String yLabel, String xLabel, List<Tick> ticks, String legendTitle,
      List<Line> lines) {
    double xMin = ticks.stream().mapToDouble(Tick::x).min().orElse(0);
    double xMax = ticks.stream().mapToDouble(Tick::x).max().orElse(1);
    double yMin = 0;
    double yMax = 0;
    for (Line l : lines) {
      for (Point p : l.points()) {
        yMin = Math.min(yMin, p.stats().low());
        yMax = Math.max(yMax, p.stats().high());
        for (Mark m : p.seeds()) {
          yMin = Math.min(yMin, m.y());
          yMax = Math.max(yMax, m.y());
        }
      }
    }
    Frame f = Frame.of(xMin, xMax, yMin, yMax, false);
    StringBuilder s = f.open(yLabel, xLabel);
    for (Tick t : ticks) {
      double x = f.x(t.x());
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
          + "stroke=\"#999\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
          + "font-size=\"11\">%s</text>", x, H - BOTTOM, x, H - BOTTOM + 4, x, H - BOTTOM + 16,
          esc(t.label())));
    }
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      String color = PALETTE[i % PALETTE.length];
      StringBuilder pts = new StringBuilder();
      for (Point p : l.points()) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.x(p.x()), f.y(p.stats().mean())));
      }
      s.append("<g class=\"line\">");
      s.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" "
          + "points=\"").append(pts.toString().trim()).append("\"/>");
      for (Point p : l.points()) {
        double x = f.x(p.x());
        if (p.stats().n() > 1) {
          s.append(String.format(Locale.ROOT, "<path class=\"ci\" stroke=\"%s\" d=\"M%.1f %.1fV%.1f"
              + "M%.1f %.1fH%.1fM%.1f %.1fH%.1f\"/>", color, x, f.y(p.stats().low()),
              f.y(p.stats().high()), x - 5, f.y(p.stats().low()), x + 5, x - 5,
              f.y(p.stats().high()), x + 5));
        }
        // A point without runs is a model's value (an experiment's prediction), not a mean.
        String title = p.seeds().isEmpty() ? esc(l.label()) + ": " + num(p.stats().mean())
            : String.format(Locale.ROOT, "%s: mean %s, 95%% CI [%s, %s] over %d seeds",
                esc(l.label()), num(p.stats().mean()), num(p.stats().low()),
                num(p.stats().high()), p.stats().n());
        s.append(String.format(Locale.ROOT, "<circle class=\"mean\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\""
            + " fill=\"%s\"><title>%s</title></circle>", x, f.y(p.stats().mean()), color, title));
        for (Mark m : p.seeds()) {
          s.append(String.format(Locale.ROOT, "<a href=\"%s\"><circle class=\"seed\" cx=\"%.1f\" "
              + "cy=\"%.1f\" r=\"2.5\" fill=\"%s\" fill-opacity=\"0.45\"><title>%s</title>"
              + "</circle></a>", esc(m.href()), x + 8, f.y(m.y()), color, esc(m.title())));
        }
      }
      s.append("</g>");
    }
    f.legend(s, legendTitle, lines.stream().map(Line::label).toList());
    return s.append("</svg>").toString();
  }

  static String cdfs(String xLabel, String legendTitle, List<Cdf> cdfs) {
    double xMax = cdfs.stream().flatMap(c -> c.sorted().stream()).mapToDouble(Double::doubleValue)
        .max().orElse(1);
    Frame f = Frame.of(0, xMax, 0, 1, true);
    StringBuilder s = f.open("fraction of requests", xLabel);
    f.xTicks(s);
    for (int i = 0; i < cdfs.size(); i++) {
      Cdf c = cdfs.get(i);
      List<Double> v = c.sorted();
      // At most 200 steps per line: the quantiles at evenly spaced ranks.
      int steps = Math.min(200, v.size());
      StringBuilder pts = new StringBuilder(String.format(Locale.ROOT, "%.1f,%.1f",
          f.x(v.get(0)), f.y(0)));
      for (int k = 1; k <= steps; k++) {
        int rank = (int) Math.ceil((double) k * v.size() / steps) - 1;
        pts.append(String.format(Locale.ROOT, " %.1f,%.1f", f.x(v.get(rank)),
            f.y((rank + 1.0) / v.size())));
      }
      s.append("<a href=\"").append(esc(c.href())).append("\"><polyline class=\"cdf\" "
          + "fill=\"none\" stroke-width=\"2\" stroke=\"").append(PALETTE[i % PALETTE.length])
          .append("\" points=\"").append(pts).append("\"><title>").append(esc(c.label()))
          .append(" (").append(v.size()).append(" requests)</title></polyline></a>");
    }
    f.legend(s, legendTitle, cdfs.stream().map(Cdf::label).toList());
    return s.append("</svg>").toString();
  }

  /** Data ranges mapped to the plot area; y (and x of a CDF) widened to round tick steps. */
  private record Frame(double x0, double x1, double y0, double y1, double yStep, double xStep) {

    /** Swept values get 5% room either side; a CDF's x axis runs from 0 to a round number. */
    static Frame of(double xMin, double xMax, double yMin, double yMax, boolean roundX) {
      double yStep = step(yMax - yMin);
      double y0 = Math.floor(yMin / yStep) * yStep;
      double y1 = Math.max(y0 + yStep, Math.ceil(yMax / yStep) * yStep);
      if (roundX) {
        double xStep = step(xMax - xMin);
        return new Frame(xMin, Math.max(xMin + xStep, Math.ceil(xMax / xStep) * xStep), y0, y1,
            yStep, xStep);
      }
      double pad = xMax > xMin ? (xMax - xMin) * 0.05 : 0.5;
      return new Frame(xMin - pad, xMax + pad, y0, y1, yStep, 0);
    }

    /** A step of 1, 2 or 5 times a power of ten giving about four intervals over {@code range}. */
    static double step(double range) {
      if (!(range > 0) || Double.isInfinite(range)) {
        return 1;
      }
      double raw = range / 4;
      double power = Math.pow(10, Math.floor(Math.log10(raw)));
      double m = raw / power;
      return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
    }

    double x(double v) {
      return LEFT + (v - x0) / (x1 - x0) * (W - LEFT - RIGHT);
    }

    double y(double v) {
      return H - BOTTOM - (v - y0) / (y1 - y0) * (H - TOP - BOTTOM);
    }

    StringBuilder open(String yLabel, String xLabel) {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\""
          + "http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
          + "font-family=\"sans-serif\"><rect class=\"plot\" x=\"%d\" y=\"%d\" width=\"%d\" "
          + "height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>", W, H, W, H, LEFT, TOP,
          W - LEFT - RIGHT, H - TOP - BOTTOM));
      for (int i = 0; y0 + i * yStep <= y1 + yStep / 1e6; i++) {
        double v = y0 + i * yStep;
        double y = y(v);
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
            + "stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\">"
            + "%s</text>", LEFT, y, W - RIGHT, y, LEFT - 4, y + 4, num(v)));
      }
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
          + "font-size=\"12\">%s</text><text x=\"14\" y=\"%d\" text-anchor=\"middle\" "
          + "font-size=\"12\" transform=\"rotate(-90 14 %d)\">%s</text>",
          (LEFT + W - RIGHT) / 2, H - 8, esc(xLabel), (TOP + H - BOTTOM) / 2,
          (TOP + H - BOTTOM) / 2, esc(yLabel)));
      return s;
    }

    void xTicks(StringBuilder s) {
      for (int i = 0; x0 + i * xStep <= x1 + xStep / 1e6; i++) {
        double v = x0 + i * xStep;
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
            + "font-size=\"11\">%s</text>", x(v), H - BOTTOM + 16, num(v)));
      }
    }

    void legend(StringBuilder s, String title, List<String> labels) {
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" "
          + "font-weight=\"bold\">%s</text>", W - RIGHT + 10, TOP + 8, esc(abbreviate(title))));
      for (int i = 0; i < labels.size() && i < 15; i++) {
        int y = TOP + 26 + 16 * i;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" "
            + "fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", W - RIGHT + 10,
            y - 9, PALETTE[i % PALETTE.length], W - RIGHT + 24, y, esc(abbreviate(labels.get(i)))));
      }
    }
  }

  private static String abbreviate(String label) {
    return label.length() > 34 ? label.substring(0, 33) + "\u2026" : label;
  }

  /** Three significant digits, plain where that reads well. */
  static String num(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    return a >= 1e5 || a < 1e-3 ? String.format(Locale.ROOT, "%.2e", v)
        : SweepTables.number(new java.math.BigDecimal(v).round(new java.math.MathContext(3))
            .doubleValue());
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
