package dev.subnetsim.scenarios.topology;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.spec.SubnetRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The world's subnets and nodes. Node ids are allocated densely from 0 in subnet declaration order,
 * so they are unique across the world and stable for a given scenario (the trace refers to them).
 */
public final class Topology {
  private final LinkedHashMap<SubnetId, SubnetSpec> subnets;
  private final TreeMap<SubnetId, List<NodeId>> members = new TreeMap<>();
  private final TreeMap<NodeId, SubnetId> subnetOf = new TreeMap<>();
  private final TreeMap<NodeId, String> regionOf = new TreeMap<>();

  private Topology(LinkedHashMap<SubnetId, SubnetSpec> subnets) {
    this.subnets = subnets;
    int next = 0;
    for (SubnetSpec s : subnets.values()) {
      List<NodeId> ids = new ArrayList<>();
      for (int i = 0; i < s.nodes(); i++) {
        NodeId id = new NodeId(next++);
        ids.add(id);
        subnetOf.put(id, s.id());
        regionOf.put(id, s.regions().get(i % s.regions().size()));
      }
      members.put(s.id(), List.copyOf(ids));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A world with one subnet of {@code n} nodes in one region. */
  public static Topology singleSubnet(String name, int n) {
    return builder().subnet(name, SubnetRole.APP, n, "default").build();
  }

  /** Subnets in declaration order. */
  public List<SubnetSpec> subnets() {
    return List.copyOf(subnets.values());
  }

  public SubnetSpec subnet(SubnetId id) {
    SubnetSpec s = subnets.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no subnet named " + id + " in " + subnets.keySet());
    }
    return s;
  }

  /** The subnet's nodes, ascending. */
  public List<NodeId> members(SubnetId id) {
    subnet(id);
    return members.get(id);
  }

  public SubnetId subnetOf(NodeId node) {
    return require(subnetOf.get(node), node);
  }

  public String regionOf(NodeId node) {
    return require(regionOf.get(node), node);
  }

  /** All nodes of the world, ascending. */
  public List<NodeId> allNodes() {
    return List.copyOf(subnetOf.keySet());
  }

  private static <T> T require(T value, NodeId node) {
    if (value == null) {
      throw new IllegalArgumentException("unknown node " + node);
    }
    return value;
  }

  /** Declares subnets in order. */
  public static final class Builder {
    private final LinkedHashMap<SubnetId, SubnetSpec> subnets = new LinkedHashMap<>();

    public Builder subnet(String name, SubnetRole role, int nodes, String... regions) {
      return subnet(new SubnetSpec(new SubnetId(name), role, nodes, Arrays.asList(regions)));
    }

    public Builder subnet(SubnetSpec spec) {
      if (subnets.putIfAbsent(spec.id(), spec) != null) {
        throw new IllegalArgumentException("duplicate subnet " + spec.id());
      }
      return this;
    }

    public Topology build() {
      if (subnets.isEmpty()) {
        throw new IllegalArgumentException("a topology needs at least one subnet");
      }
      return new Topology(new LinkedHashMap<>(subnets));
    }
  }

  @Override
  public String toString() {
    Map<SubnetId, Integer> sizes = new LinkedHashMap<>();
    subnets.forEach((k, v) -> sizes.put(k, v.nodes()));
    return "Topology" + sizes;
  }
}
