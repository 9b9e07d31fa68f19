/**
 * Users' messages: the interface spec's update and query content with its request id, signed
 * envelopes under Ed25519, secp256k1, P-256 or canister-signature keys, optionally through a
 * {@code sender_delegation} chain to a session key, and the validation of signature, chain, sender
 * and expiry. What a replica admits to its ingress pool is decided on payload items, in {@code
 * dev.subnetsim.replica.payload.IngressAdmission}.
 */
package dev.subnetsim.replica.ingress;
