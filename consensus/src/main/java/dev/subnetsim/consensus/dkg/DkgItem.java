package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.consensus.wire.WireWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A consensus DKG item: a resharing dealing of one threshold key for a target epoch, signed by its
 * dealer's multi-signature key so that nobody can deal in another node's name (the dealing itself
 * has no proof of correct sharing, see chainkey's DKG package).
 *
 * <p>Encoding: {@code u64 target_epoch || u8 key (0 beacon, 1 certification) || u32 dealer ||
 * u32 len || dealing || signature (48 B)}; the signature is over the domain separator
 * {@link DomainSeparators#CONSENSUS_DKG_DEALING} and everything before it.
 */
public record DkgItem(long targetEpoch, ThresholdKey key, int dealer, byte[] dealing,
    byte[] signature) {
  static final int SIGNATURE_BYTES = 48;

  public DkgItem {
    dealing = dealing.clone();
    signature = signature.clone();
  }

  /** The bytes the dealer signs. */
  public static byte[] signedMessage(long targetEpoch, ThresholdKey key, int dealer,
      byte[] dealing) {
    byte[] d = DomainSeparators.CONSENSUS_DKG_DEALING.getBytes(StandardCharsets.US_ASCII);
    WireWriter w = new WireWriter().u8(d.length);
    for (byte b : d) {
      w.u8(b & 0xff);
    }
    return w.u64(targetEpoch).u8(key.ordinal()).u32(dealer).bytes(dealing).toBytes();
  }

  public byte[] signedMessage() {
    return signedMessage(targetEpoch, key, dealer, dealing);
  }

  public byte[] encode() {
    WireWriter w = new WireWriter().u64(targetEpoch).u8(key.ordinal()).u32(dealer).bytes(dealing);
    for (byte b : signature) {
      w.u8(b & 0xff);
    }
    return w.toBytes();
  }

  /**
   * @throws IllegalArgumentException naming what is malformed
   */
  public static DkgItem decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      long target = in.getLong();
      ThresholdKey key = ThresholdKey.fromTag(in.get() & 0xff);
      int dealer = in.getInt();
      int len = in.getInt();
      if (len < 0 || len > in.remaining() - SIGNATURE_BYTES) {
        throw new IllegalArgumentException("dkg item: dealing length " + len + " out of range");
      }
      byte[] dealing = new byte[len];
      in.get(dealing);
      byte[] sig = new byte[SIGNATURE_BYTES];
      in.get(sig);
      if (in.hasRemaining() || target < 0 || dealer < 0) {
        throw new IllegalArgumentException("dkg item: trailing bytes or negative field");
      }
      return new DkgItem(target, key, dealer, dealing, sig);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("dkg item: truncated");
    }
  }

  /** Identity of the item in a target epoch: one dealing per key and dealer. */
  String slot() {
    return targetEpoch + "/" + key + "/" + dealer;
  }
}
