/**
 * Module chainkey: threshold cryptography as a pure library (BLS12-381, threshold BLS, DKG and
 * resharing, vetKD, IC certification, EC groups, IC key derivation, IDKG, threshold ECDSA,
 * Schnorr and ECDH, document keys, the artifacts-log model). It depends on no other module, does
 * no I/O and reads no clock. Its place among the modules: the repository's README.md ("Modules")
 * and docs/ARCHITECTURE.md; its byte formats and domain separators: docs/FORMATS.md.
 */
package dev.subnetsim.chainkey;
