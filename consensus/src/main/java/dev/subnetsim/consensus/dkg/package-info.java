/**
 * The consensus DKG: every DKG interval reshares the subnet's beacon (f+1) and certification (n-f)
 * threshold keys through block payloads, keeping their public keys ({@link
 * dev.subnetsim.consensus.dkg.SubnetDkg}, which follows the finalized chain, with the items it
 * knows in a {@code DkgItemPool} and the interval calendar in a {@code DkgSchedule}). Its phases,
 * one class each: dealing ({@code ResharingDealer}), public checks of items ({@code DkgItemChecker}), the
 * complaint round ({@code ComplaintRound}), transcripts and their blames ({@code DkgTranscripts})
 * and opening an epoch's keys ({@code EpochOpener}), over cached resharing configs ({@code
 * ResharingConfigs}). Signed dealing and complaint items ({@link
 * dev.subnetsim.consensus.dkg.DkgItem}), each interval's keys ({@link
 * dev.subnetsim.consensus.dkg.EpochKeys}), what a summary block states ({@link
 * dev.subnetsim.consensus.dkg.IntervalSummary}) and the CUP's summary ({@link
 * dev.subnetsim.consensus.dkg.DkgSummary}).
 */
package dev.subnetsim.consensus.dkg;
