/**
 * What a subnet's replicas share besides consensus: {@link
 * dev.subnetsim.replica.consensus.SubnetExecution} (the subnet's canisters, routing, registry, chain
 * keys and reshares, and the load client whose signature load must carry), each replica's {@link
 * dev.subnetsim.replica.consensus.DurableStore} (its disk, which survives crashes) and {@link
 * dev.subnetsim.replica.consensus.ChainKeyOptions}. The replica itself is in {@code
 * dev.subnetsim.replica.node}.
 */
package dev.subnetsim.replica.consensus;
