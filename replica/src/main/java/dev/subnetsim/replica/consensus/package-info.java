/**
 * The replica that runs consensus:
 * {@link dev.subnetsim.replica.consensus.ConsensusReplicaLogic} adapts the pure
 * {@code ConsensusNode} to the {@code ReplicaLogic} seam and routes everything to the replica's
 * components ({@code dev.subnetsim.replica.components}: execution, xnet, chain-key signing and
 * dealing, catch-up and state sync, queries); the factory builds every subnet's replicas from
 * the run seed.
 */
package dev.subnetsim.replica.consensus;
