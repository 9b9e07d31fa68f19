package dev.subnetsim.consensus.catchup;

import dev.subnetsim.consensus.crypto.SignedMessages;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A catch-up package: everything a replica needs to resume at {@code height} without the history
 * before it: the finalized block's hash, the random beacon at that height, the state root with its
 * certification, and {@code dkgSummary} ({@link dev.subnetsim.consensus.dkg.DkgSummary}: the
 * threshold keys' transcripts in use from this height on, so a restarted replica recovers its key
 * shares; empty without DKG). The state itself travels beside it (state sync) and is checked
 * against the certified root.
 *
 * <p>As on the IC, the whole content is threshold-signed with the subnet's high-threshold
 * (certification, n-f) key: {@code signature} is over {@link #contentHash()} under the
 * catch-up-package domain separator ({@code SignedMessages.cupMessage}). It is empty only for the
 * genesis CUP (known to every replica from the registry) and for content not yet signed.
 */
public record CatchUpPackage(long height, byte[] blockHash, byte[] beaconSignature,
    byte[] stateRoot, byte[] certification, byte[] dkgSummary, byte[] signature) {

  /** Unsigned content (genesis, or a CUP this replica is about to sign a share of). */
  public CatchUpPackage(long height, byte[] blockHash, byte[] beaconSignature, byte[] stateRoot,
      byte[] certification, byte[] dkgSummary) {
    this(height, blockHash, beaconSignature, stateRoot, certification, dkgSummary, new byte[0]);
  }

  public CatchUpPackage(long height, byte[] blockHash, byte[] beaconSignature, byte[] stateRoot,
      byte[] certification) {
    this(height, blockHash, beaconSignature, stateRoot, certification, new byte[0]);
  }

  /** This content with its combined threshold signature. */
  public CatchUpPackage signed(byte[] thresholdSignature) {
    return new CatchUpPackage(height, blockHash, beaconSignature, stateRoot, certification,
        dkgSummary, thresholdSignature.clone());
  }

  public boolean isSigned() {
    return signature.length > 0;
  }

  /**
   * SHA-256 of the content (everything but the signature):
   * {@code u64 height || bytes blockHash || bytes beacon || bytes stateRoot || bytes
   * certification || bytes dkgSummary}, each {@code bytes} a u32 length then the bytes.
   */
  public byte[] contentHash() {
    byte[] content = new BigEndianWriter().u64(height).lengthPrefixed(blockHash)
        .lengthPrefixed(beaconSignature).lengthPrefixed(stateRoot).lengthPrefixed(certification).lengthPrefixed(dkgSummary).toBytes();
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
