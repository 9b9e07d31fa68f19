package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A network partition: nodes in different groups cannot reach each other; nodes in the same group
 * are unaffected. Nodes listed in no group either form one more implicit group together ("the
 * rest", {@link #Partition(List)}) or are each cut off from everyone ({@link #isolatingUnlisted},
 * the scenario-file semantics).
 */
public final class Partition {
  private final TreeMap<NodeId, Integer> groupOf = new TreeMap<>();
  private final List<Set<NodeId>> groups;
  private final boolean isolateUnlisted;

  /** Listed groups plus one implicit group of all unlisted nodes. */
  public Partition(List<? extends Set<NodeId>> groups) {
    this(groups, false);
  }

  /** Listed groups; every unlisted node is isolated (it can reach nobody, not even others). */
  public static Partition isolatingUnlisted(List<? extends Set<NodeId>> groups) {
    return new Partition(groups, true);
  }

  private Partition(List<? extends Set<NodeId>> groups, boolean isolateUnlisted) {
    this.isolateUnlisted = isolateUnlisted;
    this.groups = groups.stream().map(g -> (Set<NodeId>) new TreeSet<>(g)).toList();
    for (int i = 0; i < this.groups.size(); i++) {
      for (NodeId n : this.groups.get(i)) {
        if (groupOf.put(n, i) != null) {
          throw new IllegalArgumentException(n + " is in more than one partition group");
        }
      }
    }
  }

  public List<Set<NodeId>> groups() {
    return groups;
  }

  /** True if a message from {@code a} to {@code b} is cut by this partition. */
  public boolean separates(NodeId a, NodeId b) {
    if (isolateUnlisted && (!groupOf.containsKey(a) || !groupOf.containsKey(b))) {
      return !a.equals(b);
    }
    return groupOf.getOrDefault(a, -1).intValue() != groupOf.getOrDefault(b, -1).intValue();
  }

  @Override
  public String toString() {
    return "Partition" + groups + (isolateUnlisted ? " isolating others" : "");
  }
}
