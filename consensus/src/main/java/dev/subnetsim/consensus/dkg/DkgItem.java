package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import java.nio.charset.StandardCharsets;

/**
 * A consensus DKG item, signed by its signer's multi-signature key so that nobody can deal or
 * complain in another node's name: a resharing {@link Kind#DEALING} of one threshold key for a
 * target epoch (the dealing itself has no proof of correct sharing, see chainkey's DKG package),
 * or a receiver's {@link Kind#COMPLAINT} against a dealing whose share for it is wrong (chainkey's
 * {@code Complaint}: it reveals the receiver's DH key for that one dealing, with a proof, so every
 * replica can judge it).
 *
 * <p>Encoding: {@code u8 kind (0 dealing, 1 complaint) || u64 target_epoch || u8 key (0 beacon,
 * 1 certification) || u32 signer || u32 len || body || signature (48 B)}; the body is the dealing
 * or the complaint; the signature is over the domain separator
 * {@link DomainSeparators#CONSENSUS_DKG_DEALING} and everything before it.
 */
public record DkgItem(Kind kind, long targetEpoch, ThresholdKey key, int signer, byte[] body,
    byte[] signature) {
  static final int SIGNATURE_BYTES = 48;
  /** A chainkey complaint starts {@code u8 version || u32 dealer_index}. */
  private static final int COMPLAINT_PREFIX = 5;

  /** What an item carries. */
  public enum Kind { DEALING, COMPLAINT }

  public DkgItem {
    body = body.clone();
    signature = signature.clone();
  }

  /** The bytes the signer signs. */
  public static byte[] signedMessage(Kind kind, long targetEpoch, ThresholdKey key, int signer,
      byte[] body) {
    byte[] d = DomainSeparators.CONSENSUS_DKG_DEALING.getBytes(StandardCharsets.US_ASCII);
    return new BigEndianWriter().u8(d.length).raw(d).u8(kind.ordinal()).u64(targetEpoch)
        .u8(key.ordinal()).u32(signer).lengthPrefixed(body).toBytes();
  }

  public byte[] signedMessage() {
    return signedMessage(kind, targetEpoch, key, signer, body);
  }

  public byte[] encode() {
    return new BigEndianWriter().u8(kind.ordinal()).u64(targetEpoch).u8(key.ordinal()).u32(signer)
        .lengthPrefixed(body).raw(signature).toBytes();
  }

  /**
   * @throws MalformedBytesException naming what is malformed
   */
  public static DkgItem decode(byte[] bytes) {
    BigEndianReader in = new ItemReader(bytes);
    int kindTag = in.u8("kind");
    if (kindTag >= Kind.values().length) {
      throw new MalformedBytesException("dkg item: unknown kind " + kindTag);
    }
    Kind kind = Kind.values()[kindTag];
    long target = in.i64("target epoch");
    ThresholdKey key = ThresholdKey.fromTag(in.u8("key"));
    int signer = in.i32("signer");
    int len = in.i32("body length");
    if (len < 0 || len > in.remaining() - SIGNATURE_BYTES) {
      throw new MalformedBytesException("dkg item: body length " + len + " out of range");
    }
    if (kind == Kind.COMPLAINT && len < COMPLAINT_PREFIX) {
      throw new MalformedBytesException("dkg item: complaint of " + len + " bytes");
    }
    byte[] body = in.raw(len, "body");
    byte[] sig = in.raw(SIGNATURE_BYTES, "signature");
    if (in.remaining() > 0 || target < 0 || signer < 0) {
      throw new MalformedBytesException("dkg item: trailing bytes or negative field");
    }
    return new DkgItem(kind, target, key, signer, body, sig);
  }

  /** Any read that runs out is "dkg item: truncated", the message rejections have carried. */
  private static final class ItemReader extends BigEndianReader {
    ItemReader(byte[] in) {
      super(in, "dkg item");
    }

    @Override
    protected MalformedBytesException error(String field, String what) {
      return new MalformedBytesException("dkg item: truncated");
    }
  }

  /** The dealer a complaint accuses (read from the complaint's header), or the dealer itself. */
  public int accused() {
    if (kind == Kind.DEALING) {
      return signer;
    }
    BigEndianReader header = new BigEndianReader(body, "dkg complaint");
    header.u8("version");
    return header.i32("accused dealer");
  }

  /**
   * Identity of the item in a target epoch: one dealing per key and dealer, one complaint per key,
   * complainer and accused dealer.
   */
  String slot() {
    return kind == Kind.DEALING ? targetEpoch + "/" + key + "/d/" + signer
        : targetEpoch + "/" + key + "/c/" + signer + "/" + accused();
  }
}
