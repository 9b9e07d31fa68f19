/**
 * Moving chain keys between subnets with unchanged public keys: the schedule, the source
 * replicas' dealings ({@link dev.subnetsim.replica.chainkey.reshare.ReshareDealer}), their
 * collection in the replicated state ({@link dev.subnetsim.replica.chainkey.reshare.ReshareLedger})
 * and the target's installed keys, complaints and recovered shares.
 */
package dev.subnetsim.replica.chainkey.reshare;
