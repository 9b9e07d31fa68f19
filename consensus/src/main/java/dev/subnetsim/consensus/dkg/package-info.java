/**
 * The consensus DKG: every DKG interval reshares the subnet's beacon (f+1) and certification (n-f)
 * threshold keys through block payloads, keeping their public keys ({@link
 * dev.subnetsim.consensus.dkg.SubnetDkg}, with its complaint round); signed dealing and complaint
 * items ({@link dev.subnetsim.consensus.dkg.DkgItem}), each interval's keys ({@link
 * dev.subnetsim.consensus.dkg.EpochKeys}), what a summary block states ({@link
 * dev.subnetsim.consensus.dkg.IntervalSummary}) and the CUP's summary ({@link
 * dev.subnetsim.consensus.dkg.DkgSummary}).
 */
package dev.subnetsim.consensus.dkg;
