/**
 * Users' messages: the interface spec's update and query content with its request id, signed
 * envelopes under Ed25519, secp256k1 or P-256 keys, and the validation of signature, sender and
 * expiry. What a replica admits to its ingress pool is decided on payload items, in {@code
 * dev.subnetsim.replica.payload.IngressAdmission}.
 */
package dev.subnetsim.replica.ingress;
