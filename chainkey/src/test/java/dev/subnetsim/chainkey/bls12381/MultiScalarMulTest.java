package dev.subnetsim.chainkey.bls12381;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiScalarMulTest {

  private final SeededRandom rng = SeededRandom.fromSeed(71);

  @Test
  void wnafDigitsReconstructTheScalarAndAreSparseAndOdd() {
    for (int w = 2; w <= 5; w++) {
      for (int trial = 0; trial < 50; trial++) {
        BigInteger k = Scalar.random(rng).toBigInteger();
        int len = k.bitLength() + 1;
        int[] d = MultiScalarMul.wnaf(k, w, len);
        BigInteger sum = BigInteger.ZERO;
        int lastNonZero = -w;
        for (int j = 0; j < d.length; j++) {
          if (d[j] != 0) {
            assertThat(d[j] % 2).isNotZero();
            assertThat(Math.abs(d[j])).isLessThan(1 << (w - 1));
            assertThat(j - lastNonZero).isGreaterThanOrEqualTo(w);
            lastNonZero = j;
          }
          sum = sum.add(BigInteger.valueOf(d[j]).shiftLeft(j));
        }
        assertThat(sum).isEqualTo(k);
      }
    }
  }

  @Test
  void g1MultiScalarMulEqualsTheSumOfProductsForFullAndShortScalars() {
    for (int n : new int[] {1, 2, 5, 27}) {
      List<G1Point> ps = new ArrayList<>();
      List<Scalar> full = new ArrayList<>();
      List<Scalar> small = new ArrayList<>();
      G1Point expectFull = G1Point.identity();
      G1Point expectSmall = G1Point.identity();
      for (int i = 0; i < n; i++) {
        G1Point p = G1Point.generator().mul(Scalar.random(rng));
        Scalar s = Scalar.random(rng);
        Scalar r = Scalar.fromLong(rng.nextLong() >>> 1);
        ps.add(p);
        full.add(s);
        small.add(r);
        expectFull = expectFull.add(p.mul(s));
        expectSmall = expectSmall.add(p.mul(r));
      }
      assertThat(G1Point.multiScalarMul(ps, full)).isEqualTo(expectFull);
      assertThat(G1Point.multiScalarMul(ps, small)).isEqualTo(expectSmall);
    }
  }

  @Test
  void g2MultiScalarMulEqualsTheSumOfProducts() {
    List<G2Point> ps = new ArrayList<>();
    List<Scalar> ss = new ArrayList<>();
    G2Point expect = G2Point.identity();
    for (int i = 0; i < 9; i++) {
      G2Point p = G2Point.generator().mul(Scalar.random(rng));
      Scalar s = i == 3 ? Scalar.fromLong(7) : Scalar.random(rng);
      ps.add(p);
      ss.add(s);
      expect = expect.add(p.mul(s));
    }
    assertThat(G2Point.multiScalarMul(ps, ss)).isEqualTo(expect);
  }

  @Test
  void edgeCasesZeroOneMinusOneRepeatedPointsIdentityAndEmpty() {
    G1Point g = G1Point.generator();
    Scalar minusOne = Scalar.fromLong(-1);
    assertThat(G1Point.multiScalarMul(List.of(g, g), List.of(Scalar.ONE, minusOne)).isIdentity()).isTrue();
    assertThat(G1Point.multiScalarMul(List.of(g, g, g), List.of(Scalar.ONE, Scalar.ONE, Scalar.ONE)))
        .isEqualTo(g.mulSmall(3));
    assertThat(G1Point.multiScalarMul(List.of(g), List.of(Scalar.ZERO)).isIdentity()).isTrue();
    assertThat(G1Point.multiScalarMul(List.of(), List.of()).isIdentity()).isTrue();
    assertThat(G1Point.multiScalarMul(List.of(G1Point.identity(), g), List.of(Scalar.fromLong(5), minusOne)))
        .isEqualTo(g.neg());
    assertThat(G2Point.multiScalarMul(List.of(G2Point.generator()), List.of(minusOne)))
        .isEqualTo(G2Point.generator().neg());
    assertThatThrownBy(() -> G1Point.multiScalarMul(List.of(g), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inputsAreNotMutated() {
    G1Point p = G1Point.generator().mul(Scalar.random(rng));
    byte[] before = p.toBytes();
    G1Point.multiScalarMul(List.of(p, p), List.of(Scalar.random(rng), Scalar.random(rng)));
    assertThat(G1Point.fromBytes(before)).isEqualTo(p);
    assertThat(p.add(G1Point.identity()).toBytes()).isEqualTo(before);
  }
}
