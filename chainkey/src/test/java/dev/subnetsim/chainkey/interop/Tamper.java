package dev.subnetsim.chainkey.interop;

/** Tampering helpers for negative interop cases. */
public final class Tamper {
  private Tamper() {}

  /** A copy of {@code bytes} with bit {@code bit} of byte {@code index} flipped. */
  public static byte[] flipBit(byte[] bytes, int index, int bit) {
    byte[] out = bytes.clone();
    out[index] ^= (byte) (1 << bit);
    return out;
  }
}
