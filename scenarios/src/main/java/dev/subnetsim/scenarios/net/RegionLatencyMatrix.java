package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Latency by region pair (symmetric): e.g. "eu"-"eu" 5 ms, "eu"-"us" 40 ms. Pairs not listed use
 * the default model. Region names come from the topology.
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
    pairs.forEach((a, row) -> row.forEach((b, m) -> byPair.put(key(a, b), m)));
  }

  private static String key(String a, String b) {
    return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
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
