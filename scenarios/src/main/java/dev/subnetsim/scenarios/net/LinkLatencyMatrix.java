package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/** Per-link latency: an explicit model for listed directed links, a default for the rest. */
public final class LinkLatencyMatrix implements LatencyModel {
  private final LatencyModel defaultModel;
  private final TreeMap<Link, LatencyModel> perLink;

  public LinkLatencyMatrix(LatencyModel defaultModel, Map<Link, LatencyModel> perLink) {
    this.defaultModel = Objects.requireNonNull(defaultModel, "defaultModel");
    this.perLink = new TreeMap<>(perLink);
  }

  @Override
  public long sampleNanos(NodeId from, NodeId to, RandomGenerator rng) {
    return perLink.getOrDefault(new Link(from, to), defaultModel).sampleNanos(from, to, rng);
  }

  @Override
  public long minNanos() {
    long min = defaultModel.minNanos();
    for (LatencyModel m : perLink.values()) {
      min = Math.min(min, m.minNanos());
    }
    return min;
  }
}
