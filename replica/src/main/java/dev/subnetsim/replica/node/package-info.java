/**
 * A whole replica: {@link dev.subnetsim.replica.node.ConsensusReplicaLogic} adapts the pure
 * {@code ConsensusNode} to the {@code ReplicaLogic} seam and routes every input to the replica's
 * components ({@code dev.subnetsim.replica.components}: execution, xnet, chain-key signing and
 * dealing, catch-up and state sync, queries); {@link
 * dev.subnetsim.replica.node.ConsensusReplicaFactory} builds every subnet's replicas from the run
 * seed, with their Byzantine decorators ({@link dev.subnetsim.replica.node.TwinsReplicaLogic},
 * {@code arbitrary} nodes).
 */
package dev.subnetsim.replica.node;
