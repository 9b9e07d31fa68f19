/**
 * Consensus variants: {@link dev.subnetsim.consensus.protocol.ConsensusProtocol} is the one
 * extension point through which the shared roles learn what a variant decides differently (votes,
 * when a block may be notarized, what else the notary signs, the fast path's finalization, how
 * long the slow path keeps collecting finalizations). {@link
 * dev.subnetsim.consensus.protocol.Icc} is the IC's protocol; {@link
 * dev.subnetsim.consensus.protocol.FastIcc} adds the Fast ICC fast path.
 */
package dev.subnetsim.consensus.protocol;
