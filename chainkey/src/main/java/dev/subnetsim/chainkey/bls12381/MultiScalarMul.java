package dev.subnetsim.chainkey.bls12381;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sum(k_i * P_i)} in G1 and G2 by Straus's interleaved method with width-w NAF digits
 * (Hankerson, Menezes, Vanstone, Guide to Elliptic Curve Cryptography, Alg. 3.51 and 3.35).
 *
 * <p>Why not one blst multiplication per term: jblst exposes no multi-scalar multiplication
 * (blst's {@code blst_p1s_mult_pippenger} is not in the Java binding), and each native
 * multiplication repeats its own ~255 doublings. Here all terms share one chain of doublings and
 * each term only adds about bits/(w+1) precomputed odd multiples, all on one mutable accumulator
 * (point additions and doublings are single JNI calls of well under a microsecond, so the
 * Java-side loop costs little). Pippenger's bucket method needs fewer additions only for hundreds
 * of terms; the committees here have at most a few dozen.
 *
 * <p>Variable time: the sequence of additions depends on the scalars. Use only with public
 * scalars (Lagrange coefficients, batch randomizers after the fact, public coefficients) — never
 * with secret keys.
 */
final class MultiScalarMul {
  private MultiScalarMul() {}

  /** The input points are only read (dup'ed before any mutation). */
  static <T> T straus(BlstOps<T, ?> ops, List<T> points, List<Scalar> scalars) {
    int k = points.size();
    int maxBits = 0;
    for (Scalar s : scalars) {
      maxBits = Math.max(maxBits, s.toBigInteger().bitLength());
    }
    T acc = ops.identity().get();
    if (maxBits == 0) {
      return acc;
    }
    int w = window(maxBits);
    int len = maxBits + 1;
    int[][] digits = new int[k][];
    List<List<T>> positive = new ArrayList<>(k);
    List<List<T>> negative = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      digits[i] = wnaf(scalars.get(i).toBigInteger(), w, len);
      List<T> pos = oddMultiples(ops, points.get(i), 1 << (w - 2));
      List<T> neg = new ArrayList<>(pos.size());
      for (T p : pos) {
        neg.add(ops.negInPlace().apply(ops.dup().apply(p)));
      }
      positive.add(pos);
      negative.add(neg);
    }
    boolean started = false;
    for (int bit = len - 1; bit >= 0; bit--) {
      if (started) {
        ops.dblInPlace().apply(acc);
      }
      for (int i = 0; i < k; i++) {
        int d = digits[i][bit];
        if (d > 0) {
          ops.addInPlace().apply(acc, positive.get(i).get((d - 1) >> 1));
          started = true;
        } else if (d < 0) {
          ops.addInPlace().apply(acc, negative.get(i).get((-d - 1) >> 1));
          started = true;
        }
      }
    }
    return acc;
  }

  /** P, 3P, 5P, ..., (2*count-1) P as fresh objects. */
  private static <T> List<T> oddMultiples(BlstOps<T, ?> ops, T p, int count) {
    List<T> out = new ArrayList<>(count);
    out.add(ops.dup().apply(p));
    if (count > 1) {
      T twice = ops.dblInPlace().apply(ops.dup().apply(p));
      for (int j = 1; j < count; j++) {
        T next = ops.dup().apply(out.get(j - 1));
        ops.addInPlace().apply(next, twice);
        out.add(next);
      }
    }
    return out;
  }

  /** Window width: wider windows pay 2^(w-2) precomputed additions to save additions in the loop. */
  private static int window(int bits) {
    if (bits <= 16) {
      return 2;
    }
    if (bits <= 80) {
      return 4;
    }
    return 5;
  }

  /**
   * Width-w NAF of a non-negative k &lt; 2^(len-1): digits d_j, each zero or odd with |d_j| &lt;
   * 2^(w-1), such that k = sum d_j 2^j, with at most one non-zero digit in any w consecutive.
   */
  static int[] wnaf(BigInteger k, int w, int len) {
    int[] out = new int[len];
    int carry = 0;
    int bit = 0;
    while (bit < len) {
      if ((k.testBit(bit) ? 1 : 0) == carry) {
        bit++;
        continue;
      }
      int now = Math.min(w, len - bit);
      int word = bits(k, bit, now) + carry;
      carry = (word >> (w - 1)) & 1;
      word -= carry << w;
      out[bit] = word;
      bit += now;
    }
    if (carry != 0) {
      throw new IllegalStateException("scalar does not fit in " + (len - 1) + " bits");
    }
    return out;
  }

  private static int bits(BigInteger k, int from, int count) {
    int v = 0;
    for (int i = count - 1; i >= 0; i--) {
      v = (v << 1) | (k.testBit(from + i) ? 1 : 0);
    }
    return v;
  }
}
