package dev.subnetsim.chainkey.bls12381;

import dev.subnetsim.chainkey.bls12381.MalformedPointException.Reason;

/**
 * Shared decoding checks for the ZCash compressed serialization of BLS12-381 points (the format
 * of the IC, of the Ethereum consensus specs and of @noble/curves): the first byte carries three
 * flags — 0x80 compressed (must be set), 0x40 infinity, 0x20 sign of y.
 */
final class PointCodec {
  private PointCodec() {}

  static void checkLengthAndFlags(byte[] bytes, int expectedLength, String group) {
    if (bytes == null || bytes.length != expectedLength) {
      throw new MalformedPointException(
          Reason.WRONG_LENGTH,
          group + " point must be " + expectedLength + " bytes compressed, got "
              + (bytes == null ? "null" : bytes.length));
    }
    int flags = bytes[0] & 0xe0;
    if ((flags & 0x80) == 0) {
      throw new MalformedPointException(
          Reason.BAD_ENCODING, group + " point lacks the compression flag (0x80)");
    }
    if ((flags & 0x40) != 0) {
      boolean restZero = (bytes[0] & 0x3f) == 0;
      for (int i = 1; i < bytes.length && restZero; i++) {
        restZero = bytes[i] == 0;
      }
      if (!restZero || (flags & 0x20) != 0) {
        throw new MalformedPointException(
            Reason.BAD_ENCODING, group + " infinity encoding has non-zero bits after the flags");
      }
    }
  }

  /** Maps blst's decoding error (a RuntimeException carrying a BLST_ERROR name) to a reason. */
  static MalformedPointException fromBlstError(RuntimeException e, String group) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("NOT_ON_CURVE") || m.contains("not on curve")) {
      return new MalformedPointException(Reason.NOT_ON_CURVE, group + " x coordinate is not on the curve");
    }
    if (m.contains("NOT_IN_GROUP") || m.contains("not in group")) {
      return new MalformedPointException(
          Reason.NOT_IN_SUBGROUP, group + " point is not in the prime-order subgroup");
    }
    return new MalformedPointException(
        Reason.BAD_ENCODING, group + " point encoding rejected by blst (" + m + "): x not below p?");
  }

  static boolean isIdentityEncoding(byte[] bytes) {
    return (bytes[0] & 0x40) != 0;
  }
}
