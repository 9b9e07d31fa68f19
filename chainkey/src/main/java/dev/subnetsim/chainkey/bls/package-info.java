/**
 * BLS signatures (IC min-sig: signatures in G1, keys in G2) behind one interface, {@link
 * dev.subnetsim.chainkey.bls.BlsSignatures}, with the blst implementation {@link
 * dev.subnetsim.chainkey.bls.JblstBlsSignatures}: plain signatures, multi-signatures with proofs
 * of possession, and randomized batch verification that names the bad items ({@link
 * dev.subnetsim.chainkey.bls.BatchVerifier}).
 */
package dev.subnetsim.chainkey.bls;
