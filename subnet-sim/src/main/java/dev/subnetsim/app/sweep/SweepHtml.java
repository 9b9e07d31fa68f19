package dev.subnetsim.app.sweep;

import static dev.subnetsim.app.sweep.SvgPlot.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code sweep.html}: self-contained (inline SVG, no script), well-formed XML. For each plotted
 * metric and each swept field a chart of the metric's mean and 95% interval over seeds against
 * the field, one line per combination of the other fields' values (one line when zipped, since
 * then the fields move together); every seed's value is a dot linking to its run's report. Then a
 * table of the means, and a latency CDF per request kind pooling each point's seeds.
 */
public final class SweepHtml {

  /**
   * What the page shows.
   *
   * @param latencies each run's (by {@link SweepRow#run()}) latencies in seconds per kind
   * @param extra HTML inserted after the summary (an experiment's verdicts), or ""
   * @param expected an experiment's expectations: a prediction is drawn as a line of its own on
   *     the chart of its metric against its field
   */
  public record Page(String title, String base, SweepGrid grid, List<Long> seeds,
      List<SweepRow> rows, List<String> plotted, Map<String, SortedMap<String, List<Double>>>
      latencies, String extra, List<Expectation> expected) {
    public Page {
      expected = List.copyOf(expected);
    }

    /** A sweep's page: nothing expected. */
    public Page(String title, String base, SweepGrid grid, List<Long> seeds, List<SweepRow> rows,
        List<String> plotted, Map<String, SortedMap<String, List<Double>>> latencies,
        String extra) {
      this(title, base, grid, seeds, rows, plotted, latencies, extra, List.of());
    }
  }

  private SweepHtml() {}

  /**
   * The metrics worth a chart by default: all but message counts and bytes per type and sample
   * counts, which are many and mostly follow from the others.
   */
  public static List<String> defaultPlotted(SortedSet<String> metrics) {
    return metrics.stream().filter(m -> !m.startsWith("messages_by_type.")
        && !m.endsWith(".count")).toList();
  }

  public static String render(Page page) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/>"
        + "<title>").append(esc(page.title())).append("</title><style>body{font-family:"
        + "sans-serif;margin:2em;max-width:1100px}td,th{border:1px solid #ccc;padding:3px 8px;"
        + "font-size:13px}table{border-collapse:collapse}h2{margin-top:1.6em}.ci{fill:none;"
        + "stroke-width:1.5}.pass{color:#2a7a2a}.fail{color:#b00}</style></head><body>");
    List<SweepRow> rows = page.rows();
    long passed = rows.stream().filter(SweepRow::passed).count();
    h.append("<h1>").append(esc(page.title())).append("</h1><p>Base scenario <code>")
        .append(esc(page.base())).append("</code>; ");
    if (page.grid().axes().isEmpty()) {
      h.append("no swept field");
    } else {
      List<String> axes = new ArrayList<>();
      page.grid().axes().forEach(a -> axes.add("<code>" + esc(a.path()) + "</code> = "
          + esc(String.join(", ", a.values()))));
      h.append(String.join("; ", axes)).append(page.grid().zip() ? " (zipped)" : " (grid)");
    }
    h.append("; ").append(page.seeds().size()).append(" seeds per point; ").append(rows.size())
        .append(" runs, <span class=\"").append(passed == rows.size() ? "pass" : "fail")
        .append("\">").append(passed).append(" passed</span>. Mean and 95% confidence interval "
            + "(Student t) over seeds; each small dot is one run, linking to its report. Data: "
            + "<a href=\"sweep.csv\">sweep.csv</a>, <a href=\"sweep.json\">sweep.json</a>.</p>");
    h.append(page.extra());
    for (String metric : page.plotted()) {
      if (rows.stream().noneMatch(r -> r.metrics().containsKey(metric))) {
        continue;
      }
      for (SweepAxis axis : page.grid().axes()) {
        h.append("<h2>").append(esc(metric)).append(" against ").append(esc(axis.path()))
            .append("</h2>\n").append(chart(page, metric, axis)).append('\n');
      }
    }
    table(h, page);
    cdfs(h, page);
    return h.append("</body></html>\n").toString();
  }

  /** The lines of one chart: rows grouped by the other fields' values, in plan order. */
  static List<SvgPlot.Line> lines(SweepGrid grid, List<SweepRow> rows, String metric,
      SweepAxis axis) {
    FieldValues.Axis xs = FieldValues.axis(axis.values());
    Map<String, Map<String, List<SweepRow>>> groups = new LinkedHashMap<>();
    for (SweepRow r : rows) {
      if (!r.metrics().containsKey(metric)) {
        continue;
      }
      List<String> others = new ArrayList<>();
      if (!grid.zip()) {
        grid.paths().stream().filter(p -> !p.equals(axis.path()))
            .forEach(p -> others.add(r.point().value(p)));
      }
      String label = others.isEmpty() ? "all runs" : String.join(", ", others);
      groups.computeIfAbsent(label, k -> new LinkedHashMap<>())
          .computeIfAbsent(r.point().value(axis.path()), k -> new ArrayList<>()).add(r);
    }
    List<SvgPlot.Line> lines = new ArrayList<>();
    groups.forEach((label, byValue) -> {
      List<SvgPlot.Point> points = new ArrayList<>();
      for (int i = 0; i < axis.values().size(); i++) {
        List<SweepRow> at = byValue.get(axis.values().get(i));
        if (at == null) {
          continue;
        }
        List<Double> ys = at.stream().map(r -> r.metrics().get(metric)).toList();
        List<SvgPlot.Mark> marks = at.stream().map(r -> new SvgPlot.Mark(r.metrics().get(metric),
            r.run() + "/report.html", r.point().label() + ", seed " + r.seed() + ": "
            + SvgPlot.num(r.metrics().get(metric)))).toList();
        points.add(new SvgPlot.Point(xs.positions().get(i), Stats.of(ys), marks));
      }
      lines.add(new SvgPlot.Line(label, points));
    });
    return lines;
  }

  private static String chart(Page page, String metric, SweepAxis axis) {
    FieldValues.Axis xs = FieldValues.axis(axis.values());
    List<SvgPlot.Tick> ticks = new ArrayList<>();
    for (int i = 0; i < axis.values().size(); i++) {
      ticks.add(new SvgPlot.Tick(xs.positions().get(i), axis.values().get(i)));
    }
    String xLabel = axis.path() + (xs.numeric() ? "" : " (in the order given)");
    String legend = page.grid().zip() ? "" : String.join(", ", page.grid().paths().stream()
        .filter(p -> !p.equals(axis.path())).toList());
    List<SvgPlot.Line> lines = new ArrayList<>(lines(page.grid(), page.rows(), metric, axis));
    for (Expectation e : page.expected()) {
      if (e instanceof Expectation.Predicted p && p.metric().equals(metric)
          && p.field().equals(axis.path())) {
        List<SvgPlot.Point> points = new ArrayList<>();
        for (int i = 0; i < p.predicted().size(); i++) {
          points.add(new SvgPlot.Point(xs.positions().get(i), Stats.of(List.of(p.predicted()
              .get(i))), List.of()));
        }
        lines.add(new SvgPlot.Line("predicted", points));
      }
    }
    return SvgPlot.means(metric, xLabel, ticks, legend, lines);
  }

  /** Points × plotted metrics: mean ± half the interval. */
  private static void table(StringBuilder h, Page page) {
    Map<String, List<SweepRow>> byPoint = new LinkedHashMap<>();
    page.rows().forEach(r -> byPoint.computeIfAbsent(r.point().label(), k -> new ArrayList<>())
        .add(r));
    h.append("<h2>Means over seeds (± half the 95% interval)</h2><table><tr><th>point</th>"
        + "<th>passed</th>");
    page.plotted().forEach(m -> h.append("<th>").append(esc(m)).append("</th>"));
    h.append("</tr>");
    byPoint.forEach((label, rs) -> {
      long ok = rs.stream().filter(SweepRow::passed).count();
      h.append("<tr><td><a href=\"").append(esc(rs.get(0).run())).append("/report.html\">")
          .append(esc(label)).append("</a></td><td class=\"").append(ok == rs.size() ? "pass"
              : "fail").append("\">").append(ok).append('/').append(rs.size()).append("</td>");
      for (String m : page.plotted()) {
        List<Double> ys = rs.stream().filter(r -> r.metrics().containsKey(m))
            .map(r -> r.metrics().get(m)).toList();
        h.append("<td>");
        if (!ys.isEmpty()) {
          Stats s = Stats.of(ys);
          h.append(SvgPlot.num(s.mean()));
          if (s.n() > 1) {
            h.append(" ± ").append(SvgPlot.num((s.high() - s.low()) / 2));
          }
        }
        h.append("</td>");
      }
      h.append("</tr>");
    });
    h.append("</table>\n");
  }

  private static void cdfs(StringBuilder h, Page page) {
    SortedSet<String> kinds = new TreeSet<>();
    page.latencies().values().forEach(m -> m.forEach((k, v) -> {
      if (!v.isEmpty()) {
        kinds.add(k);
      }
    }));
    for (String kind : kinds) {
      Map<String, List<Double>> pooled = new LinkedHashMap<>();
      Map<String, String> href = new TreeMap<>();
      for (SweepRow r : page.rows()) {
        List<Double> v = page.latencies().getOrDefault(r.run(), new TreeMap<>())
            .getOrDefault(kind, List.of());
        String label = r.point().values().isEmpty() ? "all runs"
            : String.join(", ", r.point().values());
        pooled.computeIfAbsent(label, k -> new ArrayList<>()).addAll(v);
        href.putIfAbsent(label, r.run() + "/report.html");
      }
      List<SvgPlot.Cdf> cdfs = new ArrayList<>();
      pooled.forEach((label, v) -> {
        if (!v.isEmpty()) {
          cdfs.add(new SvgPlot.Cdf(label, href.get(label), v.stream().sorted().toList()));
        }
      });
      h.append("<h2>").append(esc(kind)).append(" latency CDF (seeds pooled per point)</h2>\n")
          .append(SvgPlot.cdfs(kind + " latency (s)", String.join(", ", page.grid().paths()),
              cdfs)).append('\n');
    }
  }
}
