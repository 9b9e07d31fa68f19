package dev.subnetsim.chainkey.schnorr;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;

/** Node {@code index}'s share s_i of a Schnorr signature (36 bytes: u32 index || 32-byte s_i). */
public record SchnorrShare(int index, EcScalar s) {
  public static final int BYTES = 36;

  public byte[] toBytes() {
    return new BigEndianWriter(BYTES).u32(index).raw(s.toBytes()).toBytes();
  }

  /** @throws IllegalArgumentException on a wrong length or a non-canonical scalar */
  public static SchnorrShare fromBytes(EcCurve curve, byte[] b) {
    if (b.length != BYTES) {
      throw new IllegalArgumentException("Schnorr share must be 36 bytes, got " + b.length);
    }
    BigEndianReader r = new BigEndianReader(b, "Schnorr share");
    int index = r.i32("index");
    return new SchnorrShare(index, EcScalar.fromBytes(curve, r.raw(32, "s")));
  }
}
