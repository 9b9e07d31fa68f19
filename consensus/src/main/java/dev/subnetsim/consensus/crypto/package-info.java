/**
 * The signatures consensus uses, all from chainkey: beacon and certification threshold shares,
 * notarization/finalization multi-signatures, genesis keys by DKG, domain-separated signed
 * messages ({@link dev.subnetsim.consensus.crypto.ConsensusCrypto}); the shared verification cache
 * (verification is a pure function) and the insecure {@code cheap} stand-in for large subnets.
 */
package dev.subnetsim.consensus.crypto;
