package dev.subnetsim.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One run of a sweep as the tables show it: the point, the seed, and the numbers of its
 * {@code summary.json}. Metrics are the summary's {@code metrics} flattened to dotted names
 * ({@code blocks_per_second.root}, {@code latency_seconds.ingress.p99}); a value the summary has as
 * null (a percentile of no samples) is absent.
 *
 * @param run the run's folder relative to the sweep's
 * @param kept whether the run was already in the folder (resumed) rather than run now
 */
public record SweepRow(SweepPoint point, long seed, boolean passed,
    SortedMap<String, Double> metrics, double wallSeconds, String traceHash, String run,
    boolean kept) {

  public SweepRow {
    metrics = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
  }

  public static SweepRow fromSummary(SweepPoint point, long seed, String run, JsonNode summary,
      boolean kept) {
    SortedMap<String, Double> metrics = new TreeMap<>();
    flatten("", summary.path("metrics"), metrics);
    return new SweepRow(point, seed, summary.path("passed").asBoolean(false), metrics,
        summary.path("wall_seconds").asDouble(0), summary.path("trace_hash").asText(""), run,
        kept);
  }

  private static void flatten(String prefix, JsonNode node, SortedMap<String, Double> out) {
    if (node.isNumber()) {
      out.put(prefix, node.asDouble());
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
    }
  }
}
