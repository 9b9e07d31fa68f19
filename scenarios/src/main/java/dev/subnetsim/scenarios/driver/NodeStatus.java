package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.NodeId;
import java.util.List;
import java.util.TreeMap;

/** The driver's view of each replica's lifecycle: up or crashed, and its current incarnation. */
final class NodeStatus {
  private final TreeMap<NodeId, int[]> state = new TreeMap<>(); // {up 0/1, incarnation}
  private final TreeMap<NodeId, Long> pausedUntil = new TreeMap<>();

  NodeStatus(List<NodeId> nodes) {
    for (NodeId n : nodes) {
      state.put(n, new int[] {0, -1});
    }
  }

  boolean isUp(NodeId node) {
    return get(node)[0] == 1;
  }

  int incarnation(NodeId node) {
    return get(node)[1];
  }

  /** Marks the node up as a new incarnation and returns it (0 on first boot). */
  int start(NodeId node) {
    int[] s = get(node);
    s[0] = 1;
    s[1]++;
    return s[1];
  }

  /** Freezes {@code node} until {@code until} (extends a running pause if later). */
  void pause(NodeId node, long until) {
    get(node);
    pausedUntil.merge(node, until, Math::max);
  }

  /** The end of the pause covering {@code t}, or -1 if the node is not paused at t. */
  long pausedUntil(NodeId node, long t) {
    Long until = pausedUntil.get(node);
    return until != null && t < until ? until : -1;
  }

  void crash(NodeId node) {
    get(node)[0] = 0;
  }

  private int[] get(NodeId node) {
    int[] s = state.get(node);
    if (s == null) {
      throw new IllegalArgumentException("unknown node " + node);
    }
    return s;
  }
}
