package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Latency by region pair: e.g. "eu"-"eu" 5 ms, "eu"-"us" 40 ms. An entry FROM -> TO also serves
 * TO -> FROM unless that direction has its own entry; pairs not listed use the default model.
 * Region names come from the topology.
 */
public final class RegionLatencyMatrix implements LatencyModel {
  private final Function<NodeId, String> regionOf;
  private final LatencyModel defaultModel;
  private final TreeMap<String, LatencyModel> byPair = new TreeMap<>();

  public RegionLatencyMatrix(
      Function<NodeId, String> regionOf, LatencyModel defaultModel,
      Map<String, Map<String, LatencyModel>> pairs) {
    this.regionOf = Objects.requireNonNull(regionOf, "regionOf");
    this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
    // Explicit directions first, then mirrors where no explicit entry exists (sorted iteration).
    new TreeMap<>(pairs).forEach((a, row) -> new TreeMap<>(row).forEach((b, m) -> {
      byPair.put(key(a, b), m);
    }));
    new TreeMap<>(pairs).forEach((a, row) -> new TreeMap<>(row).forEach((b, m) -> {
      byPair.putIfAbsent(key(b, a), m);
    }));
  }

  private static String key(String from, String to) {
    return from + "\u0000" + to;
  }

  @Override
  public long sampleNanos(NodeId from, NodeId to, RandomGenerator rng) {
    String k = key(regionOf.apply(from), regionOf.apply(to));
    return byPair.getOrDefault(k, defaultModel).sampleNanos(from, to, rng);
  }

  @Override
  public long minNanos() {
    long min = defaultModel.minNanos();
    for (LatencyModel m : byPair.values()) {
      min = Math.min(min, m.minNanos());
    }
    return min;
  }
}
