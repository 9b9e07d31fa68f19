package dev.subnetsim.reports;

import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.result.TimeSeries;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Long-format CSV for notebooks: {@code series.csv} and {@code latencies.csv}. */
public final class CsvExport {
  private CsvExport() {}

  /** {@code series,t_seconds,value} for every point of every series. */
  public static String series(RunResult r) {
    StringBuilder b = new StringBuilder("series,t_seconds,value\n");
    for (Map.Entry<String, TimeSeries> e : new TreeMap<>(r.series()).entrySet()) {
      for (double[] p : e.getValue().points()) {
        b.append(e.getKey()).append(',').append(p[0]).append(',').append(p[1]).append('\n');
      }
    }
    return b.toString();
  }

  /** {@code kind,index,latency_seconds}. */
  public static String latencies(RunResult r) {
    StringBuilder b = new StringBuilder("kind,index,latency_seconds\n");
    for (Map.Entry<String, List<Long>> e : new TreeMap<>(r.latenciesNanos()).entrySet()) {
      for (int i = 0; i < e.getValue().size(); i++) {
        b.append(e.getKey()).append(',').append(i).append(',').append(e.getValue().get(i) / 1e9)
            .append('\n');
      }
    }
    return b.toString();
  }
}
