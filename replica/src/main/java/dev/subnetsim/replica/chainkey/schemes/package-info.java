/**
 * One class per chain-key management method family (vetKD, ECDSA, Schnorr, ECDH, document keys):
 * how a request is validated and bound, how a replica makes its share, how anyone verifies a share
 * and how a threshold of them combine into the reply
 * ({@link dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme}).
 */
package dev.subnetsim.replica.chainkey.schemes;
