package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-node constant clock offsets: a replica's local time = virtual time + skew. The driver
 * converts in both directions (events to local time, timer requests back to virtual time); the
 * replica never sees virtual time.
 */
public final class ClockSkew {
  private final TreeMap<NodeId, Long> skewNanos;

  public ClockSkew(Map<NodeId, Long> skewNanos) {
    this.skewNanos = new TreeMap<>(skewNanos);
  }

  public static ClockSkew none() {
    return new ClockSkew(Map.of());
  }

  /** This skew with {@code node}'s offset replaced (clock-step faults). */
  public ClockSkew with(NodeId node, long skew) {
    TreeMap<NodeId, Long> copy = new TreeMap<>(skewNanos);
    copy.put(node, skew);
    return new ClockSkew(copy);
  }

  public long skewOf(NodeId node) {
    return skewNanos.getOrDefault(node, 0L);
  }

  public long toLocal(NodeId node, long virtualNanos) {
    return virtualNanos + skewOf(node);
  }

  public long toVirtual(NodeId node, long localNanos) {
    return localNanos - skewOf(node);
  }
}
