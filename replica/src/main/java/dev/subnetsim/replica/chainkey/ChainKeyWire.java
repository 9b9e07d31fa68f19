package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ecdh.DhShare;
import dev.subnetsim.chainkey.ecdh.EncryptedCombinedDh;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.EncryptedShareProof;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Byte forms of the EC chain-key shares that travel between replicas and in replies: a DH share
 * (index u32 || point || DLEQ proof 64), an encrypted DH share / document-key shadow (index u32 ||
 * ephemeral || ciphertext || three proof scalars), and a combined encrypted DH result (ephemeral ||
 * ciphertext). Points in the curve's compressed encoding.
 */
public final class ChainKeyWire {
  private ChainKeyWire() {}

  public static byte[] encode(DhShare s) {
    byte[] p = s.share().encode();
    return ByteBuffer.allocate(4 + p.length + 64).putInt(s.index()).put(p).put(s.proof().toBytes())
        .array();
  }

  public static DhShare decodeDhShare(EcCurve curve, byte[] b) {
    int pl = curve.pointLength();
    expect(b, 4 + pl + 64, "DH share");
    return new DhShare(ByteBuffer.wrap(b).getInt(), EcPoint.decode(curve, slice(b, 4, pl)),
        EcDleqProof.fromBytes(curve, slice(b, 4 + pl, 64)));
  }

  public static byte[] encode(EncryptedDhShare s) {
    byte[] e = s.ephemeral().encode();
    byte[] c = s.ciphertext().encode();
    EncryptedShareProof p = s.proof();
    return ByteBuffer.allocate(4 + e.length + c.length + 96).putInt(s.index()).put(e).put(c)
        .put(p.challenge().toBytes()).put(p.responseA().toBytes()).put(p.responseB().toBytes())
        .array();
  }

  public static EncryptedDhShare decodeEncryptedDhShare(EcCurve curve, byte[] b) {
    int pl = curve.pointLength();
    expect(b, 4 + 2 * pl + 96, "encrypted DH share");
    int at = 4 + 2 * pl;
    return new EncryptedDhShare(ByteBuffer.wrap(b).getInt(), EcPoint.decode(curve, slice(b, 4, pl)),
        EcPoint.decode(curve, slice(b, 4 + pl, pl)), new EncryptedShareProof(
            EcScalar.fromBytes(curve, slice(b, at, 32)), EcScalar.fromBytes(curve, slice(b, at + 32, 32)),
            EcScalar.fromBytes(curve, slice(b, at + 64, 32))));
  }

  public static byte[] encode(EncryptedCombinedDh c) {
    byte[] e = c.ephemeral().encode();
    byte[] x = c.ciphertext().encode();
    return ByteBuffer.allocate(e.length + x.length).put(e).put(x).array();
  }

  /** The (ephemeral, ciphertext) pair of {@link #encode(EncryptedCombinedDh)}. */
  public static EcPoint[] decodeEncryptedCombined(EcCurve curve, byte[] b) {
    int pl = curve.pointLength();
    expect(b, 2 * pl, "encrypted ECDH result");
    return new EcPoint[] {EcPoint.decode(curve, slice(b, 0, pl)), EcPoint.decode(curve, slice(b, pl, pl))};
  }

  private static void expect(byte[] b, int length, String what) {
    if (b.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + b.length);
    }
  }

  private static byte[] slice(byte[] b, int from, int len) {
    return Arrays.copyOfRange(b, from, from + len);
  }
}
