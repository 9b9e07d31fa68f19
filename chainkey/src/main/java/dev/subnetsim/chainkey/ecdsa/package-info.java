/**
 * Threshold ECDSA (secp256k1, P-256) from presignatures as in the IC (eprint 2022/506 section 7):
 * {@link dev.subnetsim.chainkey.ecdsa.EcdsaPresignature} (kappa, lambda, kappa*lambda and
 * key*lambda transcripts), per-request rerandomization and key derivation, publicly verifiable
 * signature shares and their combination into a low-s r||s
 * ({@link dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa}).
 */
package dev.subnetsim.chainkey.ecdsa;
