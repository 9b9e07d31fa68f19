package dev.subnetsim.scenarios.trace;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's trace: hashes every event and forwards it to the sinks; keeps message and byte counts by
 * kind for the summary.
 */
public final class Trace {
  private final TraceHasher hasher = new TraceHasher();
  private final List<TraceSink> sinks;
  private final TreeMap<String, long[]> deliveredByKind = new TreeMap<>();

  public Trace(List<TraceSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  public void record(TraceEvent event) {
    hasher.record(event);
    if (event instanceof TraceEvent.Delivered d) {
      long[] c = deliveredByKind.computeIfAbsent(d.kind(), k -> new long[2]);
      c[0]++;
      c[1] += d.size();
    }
    for (TraceSink s : sinks) {
      s.accept(event);
    }
  }

  public String hashHex() {
    return hasher.hashHex();
  }

  public long events() {
    return hasher.events();
  }

  /** kind -> {messages, bytes} delivered, sorted by kind. */
  public Map<String, long[]> deliveredByKind() {
    TreeMap<String, long[]> copy = new TreeMap<>();
    deliveredByKind.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }
}
