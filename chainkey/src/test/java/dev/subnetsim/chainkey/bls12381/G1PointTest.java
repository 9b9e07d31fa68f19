package dev.subnetsim.chainkey.bls12381;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.MalformedPointException.Reason;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class G1PointTest {

  private static final HexFormat HEX = HexFormat.of();
  static final String GENERATOR_HEX =
      "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb";
  static final BigInteger P =
      new BigInteger(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
          16);

  @Test
  void generatorHasTheStandardCompressedEncoding() {
    assertThat(HEX.formatHex(G1Point.generator().toBytes())).isEqualTo(GENERATOR_HEX);
    assertThat(G1Point.fromBytes(HEX.parseHex(GENERATOR_HEX))).isEqualTo(G1Point.generator());
  }

  @Test
  void identityEncodesAsFlagsOnlyAndIsTheNeutralElement() {
    byte[] id = G1Point.identity().toBytes();
    assertThat(id[0]).isEqualTo((byte) 0xc0);
    assertThat(java.util.Arrays.copyOfRange(id, 1, 48)).containsOnly(0);
    assertThat(G1Point.fromBytes(id).isIdentity()).isTrue();
    G1Point g = G1Point.generator();
    assertThat(g.add(G1Point.identity())).isEqualTo(g);
    assertThat(g.add(g.neg())).isEqualTo(G1Point.identity());
    assertThat(g.mul(Scalar.ZERO).isIdentity()).isTrue();
  }

  @Test
  void groupOperationsAreConsistentWithScalarArithmetic() {
    SeededRandom rng = SeededRandom.fromSeed(3);
    Scalar a = Scalar.random(rng);
    Scalar b = Scalar.random(rng);
    G1Point g = G1Point.generator();
    assertThat(g.mul(a).add(g.mul(b))).isEqualTo(g.mul(a.add(b)));
    assertThat(g.mul(a).mul(b)).isEqualTo(g.mul(a.mul(b)));
    assertThat(g.mul(a).sub(g.mul(b))).isEqualTo(g.mul(a.sub(b)));
    assertThat(g.mul(Scalar.fromLong(-1))).isEqualTo(g.neg());
    assertThat(g.mulSmall(12345)).isEqualTo(g.mul(Scalar.fromLong(12345)));
    assertThat(g.mulSmall(0).isIdentity()).isTrue();
    assertThat(g.mulSmall(Long.MAX_VALUE)).isEqualTo(g.mul(Scalar.fromLong(Long.MAX_VALUE)));
    assertThat(G1Point.sum(List.of(g, g, g))).isEqualTo(g.mulSmall(3));
    assertThat(G1Point.multiScalarMul(List.of(g, g.mul(a)), List.of(b, b)))
        .isEqualTo(g.mul(b.add(a.mul(b))));
  }

  @Test
  void pointsAreImmutableUnderOperations() {
    G1Point g = G1Point.generator();
    byte[] before = g.toBytes();
    g.add(g);
    g.mul(Scalar.fromLong(5));
    g.neg();
    g.mulSmall(9);
    assertThat(g.toBytes()).isEqualTo(before);
    byte[] copy = g.toBytes();
    copy[5] ^= 1;
    assertThat(g.toBytes()).isEqualTo(before);
  }

  @Test
  void encodingRoundTripsAndEqualPointsHashEqually() {
    G1Point p = G1Point.generator().mul(Scalar.random(SeededRandom.fromSeed(9)));
    G1Point q = G1Point.fromBytes(p.toBytes());
    assertThat(q).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p.toUncompressedBytes()).hasSize(96);
    assertThat(p.neg()).isNotEqualTo(p);
  }

  @Test
  void decodingRejectsWrongLength() {
    assertThatThrownBy(() -> G1Point.fromBytes(new byte[47]))
        .isInstanceOfSatisfying(MalformedPointException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH))
        .hasMessageContaining("48");
    assertThatThrownBy(() -> G1Point.fromBytes(new byte[96]))
        .isInstanceOfSatisfying(MalformedPointException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH));
  }

  @Test
  void decodingRejectsMissingCompressionFlagAndDirtyInfinity() {
    byte[] uncompressedFlag = HEX.parseHex(GENERATOR_HEX);
    uncompressedFlag[0] &= 0x7f;
    assertReason(uncompressedFlag, Reason.BAD_ENCODING);
    byte[] dirtyInfinity = new byte[48];
    dirtyInfinity[0] = (byte) 0xc0;
    dirtyInfinity[47] = 1;
    assertReason(dirtyInfinity, Reason.BAD_ENCODING);
  }

  @Test
  void decodingRejectsXNotBelowTheFieldModulus() {
    assertReason(compressedX(P), Reason.BAD_ENCODING);
  }

  @Test
  void decodingRejectsPointsOffTheCurve() {
    assertReason(compressedX(firstX(Reason.NOT_ON_CURVE)), Reason.NOT_ON_CURVE);
  }

  @Test
  void decodingRejectsPointsOutsideThePrimeOrderSubgroup() {
    assertReason(compressedX(firstX(Reason.NOT_IN_SUBGROUP)), Reason.NOT_IN_SUBGROUP);
  }

  @Test
  void nonIdentityDecodingRejectsInfinity() {
    assertReason(G1Point.identity().toBytes(), Reason.IDENTITY_NOT_ALLOWED, true);
    assertThat(G1Point.fromBytesNonIdentity(G1Point.generator().toBytes())).isEqualTo(G1Point.generator());
  }

  /** Smallest x = 1, 2, ... whose compressed encoding fails with the given reason. */
  static BigInteger firstX(Reason wanted) {
    for (int x = 1; x < 1000; x++) {
      try {
        G1Point.fromBytes(compressedX(BigInteger.valueOf(x)));
      } catch (MalformedPointException e) {
        if (e.reason() == wanted) {
          return BigInteger.valueOf(x);
        }
      }
    }
    throw new AssertionError("no x below 1000 gives " + wanted);
  }

  static byte[] compressedX(BigInteger x) {
    byte[] raw = x.toByteArray();
    byte[] out = new byte[48];
    int n = Math.min(raw.length, 48);
    System.arraycopy(raw, raw.length - n, out, 48 - n, n);
    out[0] |= (byte) 0x80;
    return out;
  }

  private static void assertReason(byte[] bytes, Reason reason) {
    assertReason(bytes, reason, false);
  }

  private static void assertReason(byte[] bytes, Reason reason, boolean nonIdentity) {
    assertThatThrownBy(() -> {
          if (nonIdentity) {
            G1Point.fromBytesNonIdentity(bytes);
          } else {
            G1Point.fromBytes(bytes);
          }
        })
        .isInstanceOfSatisfying(MalformedPointException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
