/**
 * The replica that runs consensus:
 * {@link dev.subnetsim.replica.consensus.ConsensusReplicaLogic} adapts the pure
 * {@code ConsensusNode} to the {@code ReplicaLogic} seam, executes finalized blocks, certifies
 * state, sends stream slices and serves catch-up; the factory builds every subnet's replicas from
 * the run seed.
 */
package dev.subnetsim.replica.consensus;
