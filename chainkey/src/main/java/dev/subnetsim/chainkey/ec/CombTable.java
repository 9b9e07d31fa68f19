package dev.subnetsim.chainkey.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat;

/**
 * A fixed-base comb for one base point P (Lim-Lee): with WIDTH teeth spaced SPACING bits apart,
 * entry {@code idx} holds the sum of 2^(j*SPACING) P over the set bits j of idx, affine. k*P then
 * costs SPACING doublings and at most SPACING additions; two combs share their doublings
 * ({@link #sumOfProducts}), which is what a Pedersen commitment a*G + b*H needs.
 *
 * <p>Wider than Bouncy Castle's own comb (width 6, 43 doublings and 43 additions for 256 bits):
 * 256 entries, 32 doublings and additions. Building a table costs about two variable-base
 * multiplications and keeps about 40 KB, so it is for bases multiplied many times.
 *
 * <p>Entries are read by index, in time that depends on the scalar: fine in a simulator, where no
 * adversary measures time, not for production keys.
 */
final class CombTable {
  private static final int WIDTH = 8;
  /** Bits covered: every scalar of the three curves (orders below 2^256). */
  private static final int BITS = 256;
  private static final int SPACING = BITS / WIDTH;

  private final ECPoint[] entries;

  CombTable(ECPoint base) {
    ECCurve curve = base.getCurve();
    ECPoint[] teeth = new ECPoint[WIDTH];
    teeth[0] = base;
    for (int j = 1; j < WIDTH; j++) {
      teeth[j] = teeth[j - 1].timesPow2(SPACING);
    }
    entries = new ECPoint[1 << WIDTH];
    entries[0] = curve.getInfinity();
    for (int idx = 1; idx < entries.length; idx++) {
      int low = Integer.lowestOneBit(idx);
      ECPoint tooth = teeth[Integer.numberOfTrailingZeros(idx)];
      entries[idx] = idx == low ? tooth : entries[idx ^ low].add(tooth);
    }
    curve.normalizeAll(entries); // one field inversion for all: affine entries add faster
  }

  /** k * P, not normalized; 0 <= k < 2^256. */
  ECPoint multiply(BigInteger k) {
    int[] bits = bits(k);
    ECPoint r = entries[0];
    for (int i = SPACING - 1; i >= 0; i--) {
      r = r.twice();
      int idx = index(bits, i);
      if (idx != 0) {
        r = r.add(entries[idx]);
      }
    }
    return r;
  }

  /** a * P + b * Q (P this table's base, Q {@code other}'s), not normalized; doublings shared. */
  ECPoint sumOfProducts(BigInteger a, CombTable other, BigInteger b) {
    int[] bitsA = bits(a);
    int[] bitsB = bits(b);
    ECPoint r = entries[0];
    for (int i = SPACING - 1; i >= 0; i--) {
      r = r.twice();
      int ia = index(bitsA, i);
      if (ia != 0) {
        r = r.add(entries[ia]);
      }
      int ib = index(bitsB, i);
      if (ib != 0) {
        r = r.add(other.entries[ib]);
      }
    }
    return r;
  }

  private static int[] bits(BigInteger k) {
    if (k.signum() < 0 || k.bitLength() > BITS) {
      throw new IllegalArgumentException("comb scalar out of range [0, 2^" + BITS + ")");
    }
    return Nat.fromBigInteger(BITS, k);
  }

  /** The table index at column i: bit i + j*SPACING of k as bit j. */
  private static int index(int[] k, int i) {
    int idx = 0;
    for (int j = WIDTH - 1; j >= 0; j--) {
      int bit = i + j * SPACING;
      idx = (idx << 1) | ((k[bit >>> 5] >>> (bit & 31)) & 1);
    }
    return idx;
  }
}
