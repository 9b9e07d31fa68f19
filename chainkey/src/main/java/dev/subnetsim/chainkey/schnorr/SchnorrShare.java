package dev.subnetsim.chainkey.schnorr;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Node {@code index}'s share s_i of a Schnorr signature (36 bytes: u32 index || 32-byte s_i). */
public record SchnorrShare(int index, EcScalar s) {
  public static final int BYTES = 36;

  public byte[] toBytes() {
    return ByteBuffer.allocate(BYTES).putInt(index).put(s.toBytes()).array();
  }

  /** @throws IllegalArgumentException on a wrong length or a non-canonical scalar */
  public static SchnorrShare fromBytes(EcCurve curve, byte[] b) {
    if (b.length != BYTES) {
      throw new IllegalArgumentException("Schnorr share must be 36 bytes, got " + b.length);
    }
    return new SchnorrShare(ByteBuffer.wrap(b).getInt(), EcScalar.fromBytes(curve,
        Arrays.copyOfRange(b, 4, 36)));
  }
}
