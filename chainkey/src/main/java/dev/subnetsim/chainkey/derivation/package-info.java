/**
 * IC key derivation per canister and derivation path (secp256k1/P-256 HMAC-SHA512 chain, Ed25519
 * HKDF-SHA512), matching @dfinity/ic-pub-key 1.0.2 and dfinity/ic's ic-secp256k1, ic-secp256r1
 * and ic-ed25519 packages.
 */
package dev.subnetsim.chainkey.derivation;
