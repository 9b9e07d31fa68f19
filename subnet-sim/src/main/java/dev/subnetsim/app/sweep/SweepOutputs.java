package dev.subnetsim.app.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Writes a finished sweep's {@code sweep.csv}, {@code sweep.json} and {@code sweep.html}. */
public final class SweepOutputs {
  private SweepOutputs() {}

  /**
   * @param plot metric names or name prefixes to chart ({@code latency_seconds} charts every
   *     latency metric); empty: {@link SweepHtml#defaultPlotted}
   * @param extra HTML for the page after its summary (an experiment's verdicts), or ""
   */
  public static void write(Path out, String title, SweepPlan plan, List<SweepRow> rows,
      List<String> plot, String extra) throws IOException {
    write(out, title, plan, rows, plot, extra, List.of());
  }

  /** As {@link #write(Path, String, SweepPlan, List, List, String)}, drawing predictions too. */
  public static void write(Path out, String title, SweepPlan plan, List<SweepRow> rows,
      List<String> plot, String extra, List<Expectation> expected) throws IOException {
    Files.writeString(out.resolve("sweep.csv"), SweepTables.csv(plan.grid().paths(), rows),
        StandardCharsets.UTF_8);
    Files.writeString(out.resolve("sweep.json"), SweepTables.json(plan.file(), plan.grid(),
        plan.seeds(), rows), StandardCharsets.UTF_8);
    Map<String, SortedMap<String, List<Double>>> latencies = new TreeMap<>();
    for (SweepRow r : rows) {
      latencies.put(r.run(), latencies(out.resolve(r.run()).resolve("latencies.csv")));
    }
    Files.writeString(out.resolve("sweep.html"), SweepHtml.render(new SweepHtml.Page(title,
        plan.file(), plan.grid(), plan.seeds(), rows, plotted(SweepTables.metrics(rows), plot),
        latencies, extra, expected)), StandardCharsets.UTF_8);
  }

  /** The metrics that {@code plot} names (exactly or as a dotted prefix), in sorted order. */
  public static List<String> plotted(java.util.SortedSet<String> metrics, List<String> plot) {
    if (plot.isEmpty()) {
      return SweepHtml.defaultPlotted(metrics);
    }
    List<String> out = new ArrayList<>();
    for (String m : metrics) {
      if (plot.stream().anyMatch(p -> m.equals(p) || m.startsWith(p + "."))) {
        out.add(m);
      }
    }
    return out;
  }

  /** {@code latencies.csv} ({@code kind,index,latency_seconds}) by kind; absent file: none. */
  static SortedMap<String, List<Double>> latencies(Path file) throws IOException {
    SortedMap<String, List<Double>> out = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.skip(1).forEach(line -> {
        String[] f = line.split(",");
        if (f.length == 3) {
          try {
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
          } catch (NumberFormatException e) {
            // A hand-edited or truncated line: the CDF does without it.
          }
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return out;
  }
}
