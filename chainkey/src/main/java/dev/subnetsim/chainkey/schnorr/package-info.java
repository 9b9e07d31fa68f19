/**
 * Threshold Schnorr from RandomUnmasked presignatures (the IC's tSchnorr): BIP340 over secp256k1
 * (x-only keys, even y, optional taproot tweak) and Ed25519, with rerandomized nonces, per-share
 * checks and combination ({@link dev.subnetsim.chainkey.schnorr.ThresholdSchnorr}).
 */
package dev.subnetsim.chainkey.schnorr;
