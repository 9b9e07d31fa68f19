/**
 * Threshold ECDH on P-256, secp256k1 and X25519 with DLEQ-proved shares, per-caller keys derived
 * from the master key with IC key derivation ({@link dev.subnetsim.chainkey.ecdh.CallerEcdhKey}),
 * a transport-encrypted mode, and the CEK/KEK key-wrap flow of ISO/IEC 18013-5 (seed 001).
 */
package dev.subnetsim.chainkey.ecdh;
