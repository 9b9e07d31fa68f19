package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.ec.EcPoint;

/** The Fiat–Shamir context of a DH share: which key, which node, which base point, which transport key. */
final class DhTranscript {
  private DhTranscript() {}

  static byte[] context(EcPoint publicKey, int index, EcPoint base, EcPoint transportKey) {
    return new BigEndianWriter().lengthPrefixed(publicKey.encode())
        .lengthPrefixed(new BigEndianWriter(4).u32(index).toBytes())
        .lengthPrefixed(base.encode())
        .lengthPrefixed(transportKey == null ? new byte[0] : transportKey.encode())
        .toBytes();
  }
}
