package dev.subnetsim.replica.xnet;

import dev.subnetsim.replica.execution.CanisterId;
import java.util.List;
import java.util.Optional;

/**
 * Which subnet hosts which canisters (the registry's routing table): subnet k of the world, in
 * name order, hosts canister ids [k * 2^20, (k+1) * 2^20). Chain-key requests a subnet cannot
 * serve go to the subnet that holds the keys, if there is one.
 */
public record RoutingTable(List<String> subnets, Optional<String> chainKeySubnet) {
  public static final long RANGE = 1L << 20;

  public RoutingTable {
    subnets = List.copyOf(subnets);
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
