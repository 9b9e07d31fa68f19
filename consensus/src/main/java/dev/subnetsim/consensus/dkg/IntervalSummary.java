package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;

/**
 * What a summary block (the first block of each DKG interval, like the IC's DKG summary block)
 * commits the chain to: the interval and the sharings of the beacon and certification keys in
 * force in it, as SHA-256 digests of their public coefficients. Every replica derives the same
 * sharings from the finalized chain, so a summary that differs from a validator's own is an
 * invalid block, attributed to its maker; the finalized summary blocks record each interval's DKG
 * outcome in the chain.
 *
 * <p>Encoding: {@code u64 epoch || beacon_digest (32 B) || certification_digest (32 B)}.
 */
public record IntervalSummary(long epoch, byte[] beaconDigest, byte[] certificationDigest) {
  static final int BYTES = 8 + 32 + 32;

  public IntervalSummary {
    beaconDigest = beaconDigest.clone();
    certificationDigest = certificationDigest.clone();
  }

  static IntervalSummary of(EpochKeys keys) {
    return new IntervalSummary(keys.epoch(), ConsensusCrypto.sha256(keys.beacon().toBytes()),
        ConsensusCrypto.sha256(keys.certification().toBytes()));
  }

  public byte[] encode() {
    return new BigEndianWriter().u64(epoch).raw(beaconDigest).raw(certificationDigest).toBytes();
  }

  /**
   * @throws MalformedBytesException if not exactly one encoded summary
   */
  public static IntervalSummary decode(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new MalformedBytesException("interval summary of " + bytes.length + " bytes, expected "
          + BYTES);
    }
    BigEndianReader in = new BigEndianReader(bytes, "interval summary");
    IntervalSummary s = new IntervalSummary(in.i64("epoch"), in.raw(32, "beacon digest"),
        in.raw(32, "certification digest"));
    in.finish();
    return s;
  }
}
