/**
 * IC identifiers and hashing shared by certification and ingress: principals with their textual
 * form and self-authenticating ids ({@link dev.subnetsim.chainkey.ic.Principal}), canister ids
 * ({@link dev.subnetsim.chainkey.ic.CanisterIds}), LEB128, the representation-independent hash and
 * request ids ({@link dev.subnetsim.chainkey.ic.RepresentationIndependentHash}), and session-key
 * delegations as Internet Identity signs them
 * ({@link dev.subnetsim.chainkey.ic.SessionKeyDelegation}).
 */
package dev.subnetsim.chainkey.ic;
