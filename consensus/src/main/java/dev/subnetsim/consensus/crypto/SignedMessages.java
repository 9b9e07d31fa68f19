package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.certification.StateRootMessage;
import java.nio.charset.StandardCharsets;

/**
 * The bytes consensus signs, each under its own domain separator ({@code DomainSeparators}):
 * length-prefixed separator, height (u64, big-endian) and the hash signed (block, previous beacon,
 * catch-up package content), except certification, which signs the IC's state-root message.
 */
public final class SignedMessages {
  private SignedMessages() {}

  public static byte[] beaconMessage(long height, byte[] previousBeaconHash) {
    return message(DomainSeparators.CONSENSUS_RANDOM_BEACON, height, previousBeaconHash);
  }

  public static byte[] proposalMessage(long height, byte[] blockHash) {
    return message(DomainSeparators.CONSENSUS_BLOCK_PROPOSAL, height, blockHash);
  }

  public static byte[] notarizationMessage(long height, byte[] blockHash) {
    return message(DomainSeparators.CONSENSUS_NOTARIZATION, height, blockHash);
  }

  public static byte[] finalizationMessage(long height, byte[] blockHash) {
    return message(DomainSeparators.CONSENSUS_FINALIZATION, height, blockHash);
  }

  /**
   * A fast-path vote (fast-icc). Not a finalization share's message: a vote is weaker (its signer
   * may later sign other blocks at the height), so votes must never combine into a finalization.
   * The IC has no such artifact, hence a domain of our own.
   */
  public static byte[] fastVoteMessage(long height, byte[] blockHash) {
    return message(FAST_VOTE_DOMAIN, height, blockHash);
  }

  static final String FAST_VOTE_DOMAIN = "subnet_sim_fast_icc_vote";

  /** Certification signs the IC's state-root message, so it is a certificate signature. */
  public static byte[] certificationMessage(byte[] stateRoot) {
    return StateRootMessage.of(stateRoot);
  }

  /**
   * A catch-up package's content, signed with the certification (high-threshold) key, as the IC
   * threshold-signs its CUPs.
   */
  public static byte[] cupMessage(long height, byte[] contentHash) {
    return message(DomainSeparators.CONSENSUS_CUP, height, contentHash);
  }

  private static byte[] message(String domain, long height, byte[] hash) {
    byte[] d = domain.getBytes(StandardCharsets.US_ASCII);
    return new BigEndianWriter(1 + d.length + 8 + hash.length).u8(d.length).raw(d).u64(height)
        .raw(hash).toBytes();
  }
}
