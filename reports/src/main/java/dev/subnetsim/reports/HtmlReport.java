package dev.subnetsim.reports;

import static dev.subnetsim.reports.SvgCharts.esc;

import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.Percentiles;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.result.SeriesKey;
import dev.subnetsim.scenarios.result.TimeSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts or fetches) with the
 * verdict, the seed and configuration, the fault timeline, finalized height per subnet, latency
 * percentiles, chain-key throughput, presignature stash and message volume.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(RunResult r) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>subnet-sim: ")
        .append(esc(r.scenario())).append("</title><style>")
        .append("body{font-family:sans-serif;max-width:980px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;")
        .append("padding:3px 8px;font-size:13px;text-align:left}th{background:#f3f3f3}")
        .append(".held{color:#2a7a2a;font-weight:bold}.violated{color:#b00;font-weight:bold}")
        .append(".not-checked{color:#888}.verdict{font-size:20px;padding:8px;border-radius:4px}")
        .append(".pass{background:#e5f5e5}.fail{background:#fbe3e3}code{background:#f3f3f3;")
        .append("padding:1px 4px}h2{border-bottom:1px solid #ddd;margin-top:1.6em}")
        .append("</style></head><body>");
    h.append("<h1>").append(esc(r.scenario())).append("</h1>");
    h.append("<div class='verdict ").append(r.passed() ? "pass'>PASSED" : "fail'>FAILED")
        .append(String.format(Locale.ROOT, " &mdash; %d nodes in %d subnets, %.1f simulated "
            + "seconds in %.1f wall seconds</div>", r.nodes(), r.subnets(), r.simSeconds(),
            r.wallSeconds()));
    h.append("<p>seed <code>").append(r.seed()).append("</code> &middot; trace hash <code>")
        .append(esc(r.traceHash())).append("</code><br>reproduce: <code>")
        .append(esc(r.reproduce())).append("</code></p>");

    h.append("<h2>Invariants and pass criteria</h2><table><tr><th>name</th><th>status</th>")
        .append("<th>detail</th></tr>");
    for (InvariantResult i : r.invariants()) {
      h.append("<tr><td>").append(esc(i.name())).append("</td><td class='")
          .append(i.status().wireName()).append("'>").append(i.status().wireName())
          .append("</td><td>").append(esc(i.detail())).append("</td></tr>");
    }
    h.append("</table>");

    h.append("<h2>Finalized height per subnet</h2>")
        .append(SvgCharts.lines(seriesOf(r, SeriesKey.FINALIZED_HEIGHT), r.timeline(),
            r.simSeconds(), "finalized height"));
    h.append("<p>Dashed lines mark the fault timeline (hover for details).</p>");

    h.append("<h2>Fault timeline</h2>");
    if (r.timeline().isEmpty()) {
      h.append("<p>No faults were scheduled.</p>");
    } else {
      h.append("<table><tr><th>t (s)</th><th>event</th><th>detail</th></tr>");
      r.timeline().forEach(e -> h.append(String.format(Locale.ROOT,
          "<tr><td>%.3f</td><td>%s</td><td>%s</td></tr>", e.atSeconds(), esc(e.kind()),
          esc(e.detail()))));
      h.append("</table>");
    }

    h.append("<h2>Latency percentiles</h2>");
    if (r.latenciesNanos().isEmpty()) {
      h.append("<p>No requests completed.</p>");
    } else {
      h.append("<table><tr><th>request kind</th><th>completed</th><th>p50 (s)</th>")
          .append("<th>p95 (s)</th><th>p99 (s)</th></tr>");
      for (Map.Entry<String, List<Long>> e : new TreeMap<>(r.latenciesNanos()).entrySet()) {
        h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
            .append(e.getValue().size()).append("</td>");
        for (int p : new int[] {50, 95, 99}) {
          long v = Percentiles.of(e.getValue(), p);
          h.append("<td>").append(v < 0 ? "&ndash;" : String.format(Locale.ROOT, "%.3f", v / 1e9))
              .append("</td>");
        }
        h.append("</tr>");
      }
      h.append("</table>");
    }

    chart(h, r, SeriesKey.THROUGHPUT, "Chain-key results per simulated second", "results / s");
    chart(h, r, SeriesKey.STASH, "Presignature stash", "presignatures");

    h.append("<h2>Message volume by type</h2>");
    Map<String, Double> counts = new LinkedHashMap<>();
    Map<String, Double> bytes = new LinkedHashMap<>();
    new TreeMap<>(r.messagesByType()).forEach((k, v) -> {
      counts.put(k, (double) v.count());
      bytes.put(k, (double) v.bytes());
    });
    h.append("<h3>messages</h3>").append(SvgCharts.bars(counts, ""));
    h.append("<h3>bytes</h3>").append(SvgCharts.bars(bytes, "B"));

    h.append("<h2>Configuration</h2><table>");
    new TreeMap<>(r.config()).forEach((k, v) -> h.append("<tr><th>").append(esc(k))
        .append("</th><td>").append(esc(v)).append("</td></tr>"));
    h.append("</table><p style='color:#888;font-size:12px'>Generated by subnet-sim. Data: ")
        .append("summary.json, series.csv, latencies.csv, artifacts.jsonl, trace.jsonl.</p>");
    return h.append("</body></html>\n").toString();
  }

  private static void chart(StringBuilder h, RunResult r, SeriesKey key, String title,
      String yLabel) {
    Map<String, TimeSeries> s = seriesOf(r, key);
    if (!s.isEmpty()) {
      h.append("<h2>").append(esc(title)).append("</h2>")
          .append(SvgCharts.lines(s, List.of(), r.simSeconds(), yLabel));
    }
  }

  /** The series of one key, by subject. */
  private static Map<String, TimeSeries> seriesOf(RunResult r, SeriesKey key) {
    Map<String, TimeSeries> out = new TreeMap<>();
    r.series().forEach((k, v) -> {
      if (key.matches(k)) {
        out.put(key.subject(k), v);
      }
    });
    return out;
  }
}
