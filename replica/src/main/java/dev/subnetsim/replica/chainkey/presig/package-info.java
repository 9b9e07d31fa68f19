/**
 * Presignatures made in the background through consensus: the replicated bookkeeping run by
 * execution ({@link dev.subnetsim.replica.chainkey.presig.Presignatures}: the instances' records in
 * {@code PresignatureInstances}, what a dealing is worth in {@code PresignatureDealingChecks}, the
 * transcripts built from the dealings in {@code PresignatureTranscripts}), each replica's dealer
 * that gossips its IDKG dealings, the recipes of ECDSA and Schnorr presignatures and the refill
 * policy that sizes the stashes.
 */
package dev.subnetsim.replica.chainkey.presig;
