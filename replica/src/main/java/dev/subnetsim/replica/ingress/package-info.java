/**
 * Users' messages: the interface spec's update and query content with its request id, signed
 * envelopes under Ed25519, secp256k1 or P-256 keys, the validation of signature, sender and expiry,
 * and what a replica admits to its ingress pool
 * ({@link dev.subnetsim.replica.ingress.IngressAdmission}).
 */
package dev.subnetsim.replica.ingress;
