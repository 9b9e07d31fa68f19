/**
 * Internet Computer Consensus as one class per role (block maker, notary, finalizer, fast
 * finalizer, beacon maker, share aggregator, validator, certifier, DKG dealer, CUP maker, purger).
 * Where consensus variants differ, a role asks the subnet's {@link
 * dev.subnetsim.consensus.protocol.ConsensusProtocol} (the fast finalizer acts only under a
 * variant with a fast path). Each
 * {@link dev.subnetsim.consensus.roles.Role} looks at the pool and records what to send in
 * {@link dev.subnetsim.consensus.roles.Changes}; {@code ConsensusNode} runs them in a fixed order.
 * The {@link dev.subnetsim.consensus.roles.Validator} hands two artifact families to their own
 * classes: blocks with equivocation proofs ({@code ProposalValidator}) and certifications ({@code
 * CertificationValidator}).
 */
package dev.subnetsim.consensus.roles;
