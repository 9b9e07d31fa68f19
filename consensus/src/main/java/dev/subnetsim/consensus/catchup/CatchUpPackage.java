package dev.subnetsim.consensus.catchup;

/**
 * A catch-up package: everything a replica needs to resume at {@code height} without the history
 * before it: the finalized block's hash, the random beacon at that height, and the state root with
 * its certification (a threshold signature of the subnet's high-threshold key). The state itself
 * travels beside it (state sync) and is checked against the certified root.
 */
public record CatchUpPackage(long height, byte[] blockHash, byte[] beaconSignature,
    byte[] stateRoot, byte[] certification) {}
