package dev.subnetsim.app.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Judges an experiment's expectations on a finished sweep's rows. */
public final class Verdicts {

  /** One expectation's outcome; {@code detail} gives the numbers behind it, line by line. */
  public record Verdict(Expectation expectation, boolean holds, String detail) {}

  private Verdicts() {}

  public static List<Verdict> judge(SweepGrid grid, List<SweepRow> rows,
      List<Expectation> expectations) {
    List<Verdict> out = new ArrayList<>();
    for (Expectation e : expectations) {
      SweepAxis axis = grid.axes().stream().filter(a -> a.path().equals(e.field())).findFirst()
          .orElseThrow();
      List<SvgPlot.Line> lines = SweepHtml.lines(grid, rows, e.metric(), axis);
      if (lines.isEmpty()) {
        out.add(new Verdict(e, false, "no run has the metric " + e.metric()));
        continue;
      }
      boolean holds = true;
      List<String> details = new ArrayList<>();
      for (SvgPlot.Line line : lines) {
        List<SvgPlot.Point> points = new ArrayList<>(line.points());
        points.sort(Comparator.comparingDouble(SvgPlot.Point::x));
        String prefix = lines.size() > 1 ? named(grid, e.field(), line.label()) + ": " : "";
        if (e instanceof Expectation.Monotone m) {
          boolean ok = points.size() >= 2;
          List<String> means = new ArrayList<>();
          for (int i = 0; i < points.size(); i++) {
            means.add(SvgPlot.num(points.get(i).stats().mean()));
            if (i > 0) {
              double step = points.get(i).stats().mean() - points.get(i - 1).stats().mean();
              ok &= m.increasing() ? step > 0 : step < 0;
            }
          }
          holds &= ok;
          details.add(prefix + "means " + String.join(" -> ", means) + (ok ? "" : " (not "
              + (m.increasing() ? "increasing" : "decreasing") + ")"));
        } else if (e instanceof Expectation.Predicted p) {
          List<String> parts = new ArrayList<>();
          boolean ok = predicted(axis, line, p, parts);
          holds &= ok;
          details.add(prefix + String.join(", ", parts));
        } else if (e instanceof Expectation.Slope s) {
          double[] fit = fit(points);
          boolean ok = !Double.isNaN(fit[0]) && fit[0] >= s.min() && fit[0] <= s.max();
          holds &= ok;
          details.add(prefix + String.format(Locale.ROOT, "slope %s, intercept %s",
              SvgPlot.num(fit[0]), SvgPlot.num(fit[1])) + (ok ? "" : " (outside)"));
        }
      }
      out.add(new Verdict(e, holds, String.join("; ", details)));
    }
    return out;
  }

  /**
   * Compares each point's mean with its prediction (matched by the field value's x position),
   * adding {@code mean (predicted p, +d%)} per value to {@code parts}; false if any value lies
   * outside the tolerance or has no runs.
   */
  private static boolean predicted(SweepAxis axis, SvgPlot.Line line, Expectation.Predicted p,
      List<String> parts) {
    List<Double> xs = FieldValues.axis(axis.values()).positions();
    boolean ok = true;
    for (int i = 0; i < xs.size(); i++) {
      double x = xs.get(i);
      double want = p.predicted().get(i);
      SvgPlot.Point point = line.points().stream().filter(q -> q.x() == x).findFirst()
          .orElse(null);
      if (point == null) {
        parts.add(axis.values().get(i) + ": no run (predicted " + SvgPlot.num(want) + ")");
        ok = false;
        continue;
      }
      double mean = point.stats().mean();
      double off = want == 0 ? (mean == 0 ? 0 : Double.POSITIVE_INFINITY) : (mean - want) / want;
      boolean within = Math.abs(off) <= p.within();
      ok &= within;
      parts.add(String.format(Locale.ROOT, "%s: %s (predicted %s, %+.1f%%)%s",
          axis.values().get(i), SvgPlot.num(mean), SvgPlot.num(want), off * 100,
          within ? "" : " (outside)"));
    }
    return ok;
  }

  /** A line's label (the other fields' values) with the fields' names: {@code nodes=4}. */
  private static String named(SweepGrid grid, String field, String label) {
    List<String> others = grid.paths().stream().filter(p -> !p.equals(field)).toList();
    String[] values = label.split(", ");
    if (values.length != others.size()) {
      return label;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      parts.add(others.get(i) + "=" + values[i]);
    }
    return String.join(", ", parts);
  }

  /** Least squares over every run of the line: {slope, intercept}; NaN if x does not vary. */
  static double[] fit(List<SvgPlot.Point> points) {
    double n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (SvgPlot.Point p : points) {
      for (SvgPlot.Mark m : p.seeds()) {
        n++;
        sx += p.x();
        sy += m.y();
        sxx += p.x() * p.x();
        sxy += p.x() * m.y();
      }
    }
    double d = n * sxx - sx * sx;
    if (n < 2 || Math.abs(d) < 1e-300) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double slope = (n * sxy - sx * sy) / d;
    return new double[] {slope, (sy - slope * sx) / n};
  }

  /** The verdicts as an HTML table for the top of {@code sweep.html}. */
  public static String html(String description, List<Verdict> verdicts) {
    StringBuilder h = new StringBuilder("<h2>Expectations</h2>");
    if (!description.isEmpty()) {
      h.append("<p>").append(SvgPlot.esc(description)).append("</p>");
    }
    h.append("<table><tr><th>expectation</th><th>verdict</th><th>numbers</th></tr>");
    for (Verdict v : verdicts) {
      h.append("<tr><td>").append(SvgPlot.esc(v.expectation().describe())).append("</td><td class=\"")
          .append(v.holds() ? "pass\">holds" : "fail\">FAILS").append("</td><td>")
          .append(SvgPlot.esc(v.detail())).append("</td></tr>");
    }
    return h.append("</table>\n").toString();
  }

  /** {@code verdicts.json}: {@code [{"expectation", "holds", "detail"}, ...]}. */
  public static String json(List<Verdict> verdicts) {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind
        .ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    com.fasterxml.jackson.databind.node.ArrayNode a = json.createArrayNode();
    verdicts.forEach(v -> a.addObject().put("expectation", v.expectation().describe())
        .put("holds", v.holds()).put("detail", v.detail()));
    try {
      return json.writeValueAsString(a) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
