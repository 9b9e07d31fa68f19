package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.ec.EcPoint;
import java.io.ByteArrayOutputStream;

/** The Fiat–Shamir context of a DH share: which key, which node, which base point, which transport key. */
final class DhTranscript {
  private DhTranscript() {}

  static byte[] context(EcPoint publicKey, int index, EcPoint base, EcPoint transportKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lengthPrefixed(out, publicKey.encode());
    lengthPrefixed(out, new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
    lengthPrefixed(out, base.encode());
    lengthPrefixed(out, transportKey == null ? new byte[0] : transportKey.encode());
    return out.toByteArray();
  }

  static void lengthPrefixed(ByteArrayOutputStream t, byte[] b) {
    t.write(b.length >>> 24);
    t.write(b.length >>> 16);
    t.write(b.length >>> 8);
    t.write(b.length);
    t.writeBytes(b);
  }
}
