package dev.subnetsim.reports;

import dev.subnetsim.scenarios.result.RunResult.TimelineEvent;
import dev.subnetsim.scenarios.result.TimeSeries;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts: no scripts, no external files, so a report is one self-contained page. */
final class SvgCharts {
  static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
      "#8c564b", "#e377c2", "#17becf"};
  private static final int W = 760;
  private static final int H = 260;
  private static final int LEFT = 60;
  private static final int RIGHT = 150;
  private static final int TOP = 15;
  private static final int BOTTOM = 35;

  private SvgCharts() {}

  /** A step-line chart of several series with vertical markers for the timeline's events. */
  static String lines(Map<String, TimeSeries> series, List<TimelineEvent> markers, double tMax,
      String yLabel) {
    double yMax = 1;
    for (TimeSeries s : series.values()) {
      for (double[] p : s.points()) {
        yMax = Math.max(yMax, p[1]);
      }
    }
    yMax = niceCeil(yMax);
    double xMax = Math.max(tMax, 1e-9);
    StringBuilder b = frame(xMax, yMax, "virtual time (s)", yLabel);
    for (TimelineEvent e : markers) {
      double x = x(e.atSeconds(), xMax);
      b.append(String.format(Locale.ROOT,
          "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#999' stroke-dasharray='4 3'>"
              + "<title>%s at %.1fs: %s</title></line>",
          x, TOP, x, H - BOTTOM, esc(e.kind()), e.atSeconds(), esc(e.detail())));
    }
    int i = 0;
    for (Map.Entry<String, TimeSeries> e : series.entrySet()) {
      String color = PALETTE[i % PALETTE.length];
      StringBuilder path = new StringBuilder();
      for (double[] p : e.getValue().points()) {
        double px = x(p[0], xMax);
        double py = y(p[1], yMax);
        if (path.length() == 0) {
          path.append(String.format(Locale.ROOT, "M%.1f %.1f", px, py));
        } else {
          path.append(String.format(Locale.ROOT, " H%.1f V%.1f", px, py));
        }
      }
      if (path.length() > 0) {
        path.append(String.format(Locale.ROOT, " H%.1f", x(xMax, xMax)));
        b.append("<path d='").append(path).append("' fill='none' stroke='").append(color)
            .append("' stroke-width='2'/>");
      }
      b.append(String.format(Locale.ROOT,
          "<rect x='%d' y='%d' width='12' height='3' fill='%s'/><text x='%d' y='%d' "
              + "font-size='12'>%s</text>",
          W - RIGHT + 12, TOP + 10 + 18 * i, color, W - RIGHT + 30, TOP + 15 + 18 * i,
          esc(e.getKey())));
      i++;
    }
    return b.append("</svg>").toString();
  }

  /** Horizontal bars, one per label. */
  static String bars(Map<String, Double> values, String unit) {
    int rowH = 22;
    int h = TOP + rowH * Math.max(1, values.size()) + 10;
    double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' "
            + "font-family='sans-serif'>", W, h));
    int i = 0;
    int labelW = 220;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double w = max <= 0 ? 0 : (W - labelW - 120) * e.getValue() / max;
      int y = TOP + rowH * i;
      b.append(String.format(Locale.ROOT,
          "<text x='%d' y='%d' font-size='12' text-anchor='end'>%s</text>"
              + "<rect x='%d' y='%d' width='%.1f' height='14' fill='%s'/>"
              + "<text x='%.1f' y='%d' font-size='12'>%s %s</text>",
          labelW - 6, y + 12, esc(e.getKey()), labelW, y, w, PALETTE[0], labelW + w + 6, y + 12,
          human(e.getValue()), unit));
      i++;
    }
    return b.append("</svg>").toString();
  }

  private static StringBuilder frame(double xMax, double yMax, String xLabel, String yLabel) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'>"
            + "<rect x='%d' y='%d' width='%d' height='%d' fill='#fafafa' stroke='#ccc'/>",
        W, H, LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM));
    for (int k = 0; k <= 4; k++) {
      double yv = yMax * k / 4;
      double py = y(yv, yMax);
      b.append(String.format(Locale.ROOT,
          "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#eee'/>"
              + "<text x='%d' y='%.1f' font-size='11' text-anchor='end'>%s</text>",
          LEFT, py, W - RIGHT, py, LEFT - 4, py + 4, human(yv)));
      double xv = xMax * k / 4;
      b.append(String.format(Locale.ROOT,
          "<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>",
          x(xv, xMax), H - BOTTOM + 14, human(xv)));
    }
    b.append(String.format(Locale.ROOT,
        "<text x='%d' y='%d' font-size='12' text-anchor='middle'>%s</text>"
            + "<text x='12' y='%d' font-size='12' transform='rotate(-90 12 %d)' "
            + "text-anchor='middle'>%s</text>",
        (W - RIGHT + LEFT) / 2, H - 4, esc(xLabel), (H - BOTTOM + TOP) / 2,
        (H - BOTTOM + TOP) / 2, esc(yLabel)));
    return b;
  }

  private static double x(double t, double xMax) {
    return LEFT + (W - LEFT - RIGHT) * Math.min(t, xMax) / xMax;
  }

  private static double y(double v, double yMax) {
    return H - BOTTOM - (H - TOP - BOTTOM) * v / yMax;
  }

  static double niceCeil(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String human(double v) {
    if (Math.abs(v) >= 1e9) {
      return String.format(Locale.ROOT, "%.1fG", v / 1e9);
    } else if (Math.abs(v) >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", v / 1e6);
    } else if (Math.abs(v) >= 1e4) {
      return String.format(Locale.ROOT, "%.1fk", v / 1e3);
    } else if (v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String esc(String s) {
    return JunitXml.esc(s).replace("'", "&#39;");
  }
}
