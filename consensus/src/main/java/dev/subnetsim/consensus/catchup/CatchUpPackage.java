package dev.subnetsim.consensus.catchup;

/**
 * A catch-up package: everything a replica needs to resume at {@code height} without the history
 * before it: the finalized block's hash, the random beacon at that height, and the state root with
 * its certification (a threshold signature of the subnet's high-threshold key). The state itself
 * travels beside it (state sync) and is checked against the certified root. {@code dkgSummary}
 * ({@link dev.subnetsim.consensus.dkg.DkgSummary}) carries the threshold keys' transcripts in use
 * from this height on, so a restarted replica recovers its key shares; empty without DKG.
 *
 * <p>Simplified relative to the IC: the IC threshold-signs the whole CUP; here only the state root
 * is (through the certification), and a replica checks the summary's transcripts publicly
 * (resharings of the same public keys, valid dealings). A forged summary can make the replica
 * that adopts it unable to sign, not make it accept a forged signature.
 */
public record CatchUpPackage(long height, byte[] blockHash, byte[] beaconSignature,
    byte[] stateRoot, byte[] certification, byte[] dkgSummary) {

  public CatchUpPackage(long height, byte[] blockHash, byte[] beaconSignature, byte[] stateRoot,
      byte[] certification) {
    this(height, blockHash, beaconSignature, stateRoot, certification, new byte[0]);
  }
}
