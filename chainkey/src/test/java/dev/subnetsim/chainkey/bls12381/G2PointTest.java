package dev.subnetsim.chainkey.bls12381;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.MalformedPointException.Reason;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class G2PointTest {

  private static final HexFormat HEX = HexFormat.of();
  static final String GENERATOR_HEX =
      "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
          + "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8";

  @Test
  void generatorHasTheStandardCompressedEncoding() {
    assertThat(HEX.formatHex(G2Point.generator().toBytes())).isEqualTo(GENERATOR_HEX);
    assertThat(G2Point.fromBytes(HEX.parseHex(GENERATOR_HEX))).isEqualTo(G2Point.generator());
  }

  @Test
  void identityIsNeutralAndEncodesAsFlagsOnly() {
    byte[] id = G2Point.identity().toBytes();
    assertThat(id).hasSize(96);
    assertThat(id[0]).isEqualTo((byte) 0xc0);
    assertThat(G2Point.fromBytes(id).isIdentity()).isTrue();
    G2Point g = G2Point.generator();
    assertThat(g.add(g.neg()).isIdentity()).isTrue();
    assertThat(g.add(G2Point.identity())).isEqualTo(g);
  }

  @Test
  void groupOperationsAreConsistentWithScalarArithmetic() {
    SeededRandom rng = SeededRandom.fromSeed(4);
    Scalar a = Scalar.random(rng);
    Scalar b = Scalar.random(rng);
    G2Point g = G2Point.generator();
    assertThat(g.mul(a).add(g.mul(b))).isEqualTo(g.mul(a.add(b)));
    assertThat(g.mul(a).sub(g.mul(b))).isEqualTo(g.mul(a.sub(b)));
    assertThat(g.mulSmall(77)).isEqualTo(g.mul(Scalar.fromLong(77)));
    assertThat(G2Point.sum(List.of(g, g))).isEqualTo(g.mulSmall(2));
    assertThat(G2Point.multiScalarMul(List.of(g, g), List.of(a, b))).isEqualTo(g.mul(a.add(b)));
    G2Point p = g.mul(a);
    assertThat(G2Point.fromBytes(p.toBytes())).isEqualTo(p).hasSameHashCodeAs(p);
    byte[] before = g.toBytes();
    g.mul(a);
    g.add(p);
    assertThat(g.toBytes()).isEqualTo(before);
  }

  @Test
  void decodingRejectsWrongLengthBadFlagsOffCurveAndNonSubgroupPoints() {
    assertReason(new byte[48], Reason.WRONG_LENGTH);
    byte[] noFlag = HEX.parseHex(GENERATOR_HEX);
    noFlag[0] &= 0x7f;
    assertReason(noFlag, Reason.BAD_ENCODING);
    assertReason(compressedX(firstX(Reason.NOT_ON_CURVE)), Reason.NOT_ON_CURVE);
    assertReason(compressedX(firstX(Reason.NOT_IN_SUBGROUP)), Reason.NOT_IN_SUBGROUP);
    assertThatThrownBy(() -> G2Point.fromBytesNonIdentity(G2Point.identity().toBytes()))
        .isInstanceOfSatisfying(
            MalformedPointException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IDENTITY_NOT_ALLOWED));
  }

  @Test
  void decodingRejectsCoordinatesNotBelowTheFieldModulusAndDirtyInfinity() {
    BigInteger p = G1PointTest.P;
    assertReason(compressedX(p), Reason.BAD_ENCODING); // c0 = p
    byte[] c1IsP = new byte[96];
    byte[] pb = p.toByteArray();
    System.arraycopy(pb, pb.length - 48, c1IsP, 0, 48);
    c1IsP[0] |= (byte) 0x80;
    c1IsP[95] = 1;
    assertReason(c1IsP, Reason.BAD_ENCODING); // c1 = p
    byte[] dirty = G2Point.identity().toBytes();
    dirty[50] = 1;
    assertReason(dirty, Reason.BAD_ENCODING);
    byte[] infinityWithSign = G2Point.identity().toBytes();
    infinityWithSign[0] |= 0x20;
    assertReason(infinityWithSign, Reason.BAD_ENCODING);
  }

  /** x = 0*u + k for the smallest k that fails with the given reason. */
  static BigInteger firstX(Reason wanted) {
    for (int k = 1; k < 1000; k++) {
      try {
        G2Point.fromBytes(compressedX(BigInteger.valueOf(k)));
      } catch (MalformedPointException e) {
        if (e.reason() == wanted) {
          return BigInteger.valueOf(k);
        }
      }
    }
    throw new AssertionError("no x below 1000 gives " + wanted);
  }

  /** Compressed G2 encoding is c1 || c0 with the flags on c1's first byte. */
  static byte[] compressedX(BigInteger c0) {
    byte[] raw = c0.toByteArray();
    byte[] out = new byte[96];
    int n = Math.min(raw.length, 48);
    System.arraycopy(raw, raw.length - n, out, 96 - n, n);
    out[0] |= (byte) 0x80;
    return out;
  }

  private static void assertReason(byte[] bytes, Reason reason) {
    assertThatThrownBy(() -> G2Point.fromBytes(bytes))
        .isInstanceOfSatisfying(MalformedPointException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
