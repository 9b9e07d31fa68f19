/**
 * Moving chain keys between subnets with unchanged public keys: the schedule, the source
 * replicas' dealings ({@link dev.subnetsim.replica.chainkey.reshare.ReshareDealer}), their
 * collection in the replicated state ({@link dev.subnetsim.replica.chainkey.reshare.ReshareLedger})
 * and, on the target, the installed keys' public side
 * ({@link dev.subnetsim.replica.chainkey.reshare.InstalledChainKeys}), each replica's own
 * decryption of its shares ({@link dev.subnetsim.replica.chainkey.reshare.ReshareReceiver}), and
 * complaints and openings through consensus
 * ({@link dev.subnetsim.replica.chainkey.reshare.InstalledComplaints}).
 */
package dev.subnetsim.replica.chainkey.reshare;
