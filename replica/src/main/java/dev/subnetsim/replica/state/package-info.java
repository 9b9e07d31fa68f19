/**
 * A subnet's replicated state ({@link dev.subnetsim.replica.state.ReplicatedState}) with its
 * checkpoint encoding ({@code ReplicatedStateCodec}), the chain-key requests it queues ({@link
 * dev.subnetsim.replica.state.ChainKeyRequest}), the certified state tree of the interface spec
 * built from it, and the registry entries of the world's subnets that certificates need.
 */
package dev.subnetsim.replica.state;
