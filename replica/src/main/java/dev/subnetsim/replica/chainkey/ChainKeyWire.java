package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ecdh.DhShare;
import dev.subnetsim.chainkey.ecdh.EncryptedCombinedDh;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.EncryptedShareProof;

/**
 * Byte forms of the EC chain-key shares that travel between replicas and in replies: a DH share
 * (index u32 || point || DLEQ proof 64), an encrypted DH share / document-key shadow (index u32 ||
 * ephemeral || ciphertext || three proof scalars), and a combined encrypted DH result (ephemeral ||
 * ciphertext). Points in the curve's compressed encoding.
 */
public final class ChainKeyWire {
  private ChainKeyWire() {}

  public static byte[] encode(DhShare s) {
    return new BigEndianWriter().u32(s.index()).raw(s.share().encode()).raw(s.proof().toBytes())
        .toBytes();
  }

  public static DhShare decodeDhShare(EcCurve curve, byte[] b) {
    int pl = curve.pointLength();
    expect(b, 4 + pl + 64, "DH share");
    BigEndianReader r = new BigEndianReader(b, "DH share");
    return new DhShare(r.i32("index"), EcPoint.decode(curve, r.raw(pl, "share")),
        EcDleqProof.fromBytes(curve, r.raw(64, "proof")));
  }

  public static byte[] encode(EncryptedDhShare s) {
    EncryptedShareProof p = s.proof();
    return new BigEndianWriter().u32(s.index()).raw(s.ephemeral().encode())
        .raw(s.ciphertext().encode()).raw(p.challenge().toBytes()).raw(p.responseA().toBytes())
        .raw(p.responseB().toBytes()).toBytes();
  }

  public static EncryptedDhShare decodeEncryptedDhShare(EcCurve curve, byte[] b) {
    int pl = curve.pointLength();
    expect(b, 4 + 2 * pl + 96, "encrypted DH share");
    BigEndianReader r = new BigEndianReader(b, "encrypted DH share");
    return new EncryptedDhShare(r.i32("index"), EcPoint.decode(curve, r.raw(pl, "ephemeral")),
        EcPoint.decode(curve, r.raw(pl, "ciphertext")), new EncryptedShareProof(
            EcScalar.fromBytes(curve, r.raw(32, "challenge")),
            EcScalar.fromBytes(curve, r.raw(32, "response A")),
            EcScalar.fromBytes(curve, r.raw(32, "response B"))));
  }

  public static byte[] encode(EncryptedCombinedDh c) {
    return new BigEndianWriter().raw(c.ephemeral().encode()).raw(c.ciphertext().encode())
        .toBytes();
  }

  /** The (ephemeral, ciphertext) pair of {@link #encode(EncryptedCombinedDh)}. */
  public static EcPoint[] decodeEncryptedCombined(EcCurve curve, byte[] b) {
    int pl = curve.pointLength();
    expect(b, 2 * pl, "encrypted ECDH result");
    BigEndianReader r = new BigEndianReader(b, "encrypted ECDH result");
    return new EcPoint[] {EcPoint.decode(curve, r.raw(pl, "ephemeral")),
        EcPoint.decode(curve, r.raw(pl, "ciphertext"))};
  }

  private static void expect(byte[] b, int length, String what) {
    if (b.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + b.length);
    }
  }
}
