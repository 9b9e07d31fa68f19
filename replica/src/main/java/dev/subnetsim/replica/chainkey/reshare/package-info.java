/**
 * Making chain keys through consensus and moving them between subnets with unchanged public keys.
 * A key holder's replicas generate its keys ({@link
 * dev.subnetsim.replica.chainkey.reshare.KeyGeneration}: IDKG RandomUnmasked dealings for the EC
 * keys, fresh BLS DKG dealings for vetKD, carried as the reshares' payload items under number -1);
 * the schedule says when a source reshares them; the replicas' dealings ({@link
 * dev.subnetsim.replica.chainkey.reshare.ReshareDealer}) are collected in the replicated state
 * ({@link dev.subnetsim.replica.chainkey.reshare.ReshareLedger}), which installs them as the
 * generated keys on the holder or sends them to the target; the installed keys' public side
 * ({@link dev.subnetsim.replica.chainkey.reshare.InstalledChainKeys}), each replica's own
 * decryption of its shares ({@link dev.subnetsim.replica.chainkey.reshare.ReshareReceiver}), and
 * complaints and openings through consensus
 * ({@link dev.subnetsim.replica.chainkey.reshare.InstalledComplaints}) serve both.
 */
package dev.subnetsim.replica.chainkey.reshare;
