package dev.subnetsim.replica.xnet;

import dev.subnetsim.replica.execution.CanisterId;
import java.util.List;
import java.util.Optional;

/**
 * Which subnet hosts which canisters (the registry's routing table): subnet k of the world, in
 * name order, hosts canister ids [k * 2^20, (k+1) * 2^20). Chain-key requests a subnet cannot
 * serve go to the subnet with signing enabled: the genesis key holder, or from each handover's
 * time on, the subnet the keys are reshared to (the registry's "signing subnet for key" record,
 * changed when a reshare is scheduled; routing by block time keeps every replica of a subnet
 * routing a given height alike).
 */
public record RoutingTable(List<String> subnets, Optional<String> chainKeySubnet,
    List<Handover> handovers) {
  public static final long RANGE = 1L << 20;

  /** From {@code fromNanos} (block time) on, chain-key requests go to {@code subnet}. */
  public record Handover(long fromNanos, String subnet) {}

  public RoutingTable {
    subnets = List.copyOf(subnets);
    handovers = handovers.stream()
        .sorted(java.util.Comparator.comparingLong(Handover::fromNanos)).toList();
  }

  public RoutingTable(List<String> subnets, Optional<String> chainKeySubnet) {
    this(subnets, chainKeySubnet, List.of());
  }

  /** The subnet that serves chain-key requests executed at block time {@code timeNanos}. */
  public Optional<String> signingSubnetAt(long timeNanos) {
    Optional<String> at = chainKeySubnet;
    for (Handover h : handovers) {
      if (h.fromNanos() <= timeNanos) {
        at = Optional.of(h.subnet());
      }
    }
    return at;
  }

  /** A single-subnet world. */
  public static RoutingTable single(String subnet, boolean holdsChainKeys) {
    return new RoutingTable(List.of(subnet), holdsChainKeys ? Optional.of(subnet) : Optional.empty());
  }

  public long base(String subnet) {
    int k = subnets.indexOf(subnet);
    if (k < 0) {
      throw new IllegalArgumentException("unknown subnet " + subnet);
    }
    return k * RANGE;
  }

  /** The subnet hosting {@code canister}, if any. */
  public Optional<String> subnetOf(CanisterId canister) {
    if (canister.isManagement()) {
      return Optional.empty();
    }
    long k = canister.index() / RANGE;
    return k < subnets.size() ? Optional.of(subnets.get((int) k)) : Optional.empty();
  }
}
