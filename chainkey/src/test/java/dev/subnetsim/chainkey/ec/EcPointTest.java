package dev.subnetsim.chainkey.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcPointTest {

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void groupLawsHold(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(curve.ordinal());
    EcScalar a = EcScalar.random(curve, rng);
    EcScalar b = EcScalar.random(curve, rng);
    EcPoint g = curve.generator();
    assertThat(g.mul(a).add(g.mul(b))).isEqualTo(EcPoint.mulGenerator(a.add(b)));
    assertThat(g.mul(a).mul(b)).isEqualTo(g.mul(a.mul(b)));
    assertThat(g.mul(a).add(g.mul(a).neg())).isEqualTo(curve.identity());
    assertThat(g.mul(a).sub(g.mul(b))).isEqualTo(g.mul(a.sub(b)));
    assertThat(g.mul(EcScalar.zero(curve)).isIdentity()).isTrue();
    assertThat(g.mul(EcScalar.of(curve, curve.order().subtract(BigInteger.ONE)))).isEqualTo(g.neg());
    assertThat(curve.identity().add(g)).isEqualTo(g);
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void encodingRoundTripsAndHasTheCurvesLength(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(100 + curve.ordinal());
    for (int i = 0; i < 20; i++) {
      EcPoint p = EcPoint.mulGenerator(EcScalar.randomNonZero(curve, rng));
      byte[] enc = p.encode();
      assertThat(enc).hasSize(curve.pointLength());
      assertThat(EcPoint.decode(curve, enc)).isEqualTo(p);
      assertThat(EcPoint.decode(curve, enc).hashCode()).isEqualTo(p.hashCode());
    }
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void multiScalarMultiplicationEqualsTheSumOfProducts(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(200 + curve.ordinal());
    EcPoint expected = curve.identity();
    List<EcPoint> ps = new java.util.ArrayList<>();
    List<EcScalar> ks = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      EcPoint p = EcPoint.mulGenerator(EcScalar.random(curve, rng));
      EcScalar k = EcScalar.random(curve, rng);
      ps.add(p);
      ks.add(k);
      expected = expected.add(p.mul(k));
    }
    ps.add(curve.identity());
    ks.add(EcScalar.one(curve));
    assertThat(EcPoint.multiScalarMul(ps, ks)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(value = EcCurve.class, names = {"SECP256K1", "P256"})
  void sec1DecodingRejectsMalformedInput(EcCurve curve) {
    byte[] good = curve.generator().encode();
    assertThatThrownBy(() -> EcPoint.decode(curve, java.util.Arrays.copyOf(good, 32)))
        .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("expected 33 bytes");
    byte[] badPrefix = good.clone();
    badPrefix[0] = 0x04;
    assertThatThrownBy(() -> EcPoint.decode(curve, badPrefix)).hasMessageContaining("bad SEC1 prefix 0x04");
    byte[] bigX = new byte[33];
    bigX[0] = 0x02;
    java.util.Arrays.fill(bigX, 1, 33, (byte) 0xff);
    assertThatThrownBy(() -> EcPoint.decode(curve, bigX)).hasMessageContaining("non-canonical x-coordinate");
    assertThatThrownBy(() -> EcPoint.decode(curve, new byte[] {0})).hasMessageContaining("expected 33 bytes");
    // Some x has no y: find one among small x.
    boolean found = false;
    for (int x = 1; x < 50 && !found; x++) {
      byte[] enc = new byte[33];
      enc[0] = 0x02;
      enc[32] = (byte) x;
      try {
        EcPoint.decode(curve, enc);
      } catch (InvalidEncodingException e) {
        assertThat(e).hasMessageContaining("not on the curve");
        found = true;
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void fromAffineRejectsPointsOffTheCurve() {
    EcPoint g = EcCurve.P256.generator();
    assertThatThrownBy(() -> EcPoint.fromAffine(EcCurve.P256, g.affineX(), g.affineY().add(BigInteger.ONE)))
        .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("not on the curve");
    assertThat(EcPoint.fromAffine(EcCurve.P256, g.affineX(), g.affineY())).isEqualTo(g);
  }

  /** The eight small-order points of edwards25519 (order 1, 2, 4, 8) and their aliases. */
  @ParameterizedTest
  @ValueSource(strings = {
      "0100000000000000000000000000000000000000000000000000000000000000",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0000000000000000000000000000000000000000000000000000000000000000",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"})
  void ed25519DecodingRejectsSmallOrderPoints(String hex) {
    assertThatThrownBy(() -> EcPoint.decode(EcCurve.ED25519, Hex.decode(hex)))
        .isInstanceOf(InvalidEncodingException.class)
        .hasMessageMatching(".*(small-order|identity).*");
  }

  @Test
  void ed25519DecodingRejectsNonCanonicalAndOffCurveInput() {
    // y = p (non-canonical alias of y = 0).
    assertThatThrownBy(() -> EcPoint.decode(EcCurve.ED25519,
            Hex.decode("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")))
        .hasMessageContaining("non-canonical y-coordinate");
    // x = 0 with the sign bit set ("negative zero" of y = -1).
    assertThatThrownBy(() -> EcPoint.decode(EcCurve.ED25519,
            Hex.decode("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")))
        .hasMessageContaining("x = 0, sign bit 1");
    assertThatThrownBy(() -> EcPoint.decode(EcCurve.ED25519, new byte[33])).hasMessageContaining("expected 32 bytes");
    boolean found = false;
    for (int y = 2; y < 50 && !found; y++) {
      byte[] enc = new byte[32];
      enc[0] = (byte) y;
      try {
        EcPoint.decode(EcCurve.ED25519, enc);
      } catch (InvalidEncodingException e) {
        assertThat(e).hasMessageContaining("not on the curve");
        found = true;
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void ed25519DecodingRejectsPointsWithATorsionComponent() {
    EcPoint b = EcCurve.ED25519.generator();
    // B + T2, T2 the point of order two (0, -1), encoded with the raw model.
    var t2 = Curve25519Model.fromEdwards(BigInteger.ZERO, Curve25519Model.P.subtract(BigInteger.ONE));
    byte[] mixed = Curve25519Model.encode(EcCurve.ED25519.bcGenerator().add(t2));
    assertThat(mixed).isNotEqualTo(b.encode());
    assertThatThrownBy(() -> EcPoint.decode(EcCurve.ED25519, mixed))
        .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("torsion component");
  }

  @Test
  void x25519UCoordinateRejectsTwistSmallOrderAndNonCanonicalValues() {
    assertThatThrownBy(() -> EcPoint.fromMontgomeryU(new byte[32])).hasMessageContaining("small-order");
    byte[] one = new byte[32];
    one[0] = 1; // u = 1: order-4 point
    assertThatThrownBy(() -> EcPoint.fromMontgomeryU(one)).hasMessageContaining("small-order");
    byte[] big = Hex.decode("efffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertThatThrownBy(() -> EcPoint.fromMontgomeryU(big)).hasMessageContaining("non-canonical");
    boolean twist = false;
    for (int u = 2; u < 50 && !twist; u++) {
      byte[] enc = new byte[32];
      enc[0] = (byte) u;
      try {
        EcPoint.fromMontgomeryU(enc);
      } catch (InvalidEncodingException e) {
        if (e.getMessage().contains("twist")) {
          twist = true;
        }
      }
    }
    assertThat(twist).isTrue();
    assertThatThrownBy(() -> EcPoint.fromMontgomeryU(new byte[31])).hasMessageContaining("expected 32 bytes");
  }

  @Test
  void operationsAcrossCurvesAreRejected() {
    assertThatThrownBy(() -> EcCurve.P256.generator().add(EcCurve.SECP256K1.generator()))
        .hasMessageContaining("curve mismatch");
    assertThatThrownBy(() -> EcCurve.P256.generator().mul(EcScalar.one(EcCurve.ED25519)))
        .hasMessageContaining("ed25519");
    assertThatThrownBy(() -> EcCurve.ED25519.generator().affineX()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EcCurve.P256.generator().montgomeryU()).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void hashToPointIsDeterministicInThePrimeOrderGroupAndSeparatedByDst(EcCurve curve) {
    EcPoint h = EcPoint.hashToPoint(curve, "subnet-sim-test-generator", "H".getBytes());
    assertThat(EcPoint.hashToPoint(curve, "subnet-sim-test-generator", "H".getBytes())).isEqualTo(h);
    assertThat(h.isIdentity()).isFalse();
    assertThat(h).isNotEqualTo(curve.generator());
    assertThat(EcPoint.decode(curve, h.encode())).isEqualTo(h); // decode checks the subgroup
    assertThat(h.mul(EcScalar.of(curve, curve.order())).isIdentity()).isTrue();
    assertThat(EcPoint.hashToPoint(curve, "subnet-sim-other-generator", "H".getBytes())).isNotEqualTo(h);
    assertThat(EcPoint.hashToPoint(curve, "subnet-sim-test-generator", "H2".getBytes())).isNotEqualTo(h);
  }

  @org.junit.jupiter.api.Test
  void liftXReturnsTheEvenYPointWithThatX() {
    EcPoint g = EcCurve.SECP256K1.generator();
    EcPoint lifted = EcPoint.liftX(EcCurve.SECP256K1, g.xCoordinateBytes());
    assertThat(lifted.hasEvenY()).isTrue();
    assertThat(lifted).isEqualTo(g.hasEvenY() ? g : g.neg());
    assertThat(g.neg().hasEvenY()).isNotEqualTo(g.hasEvenY());
    assertThatThrownBy(() -> EcPoint.liftX(EcCurve.SECP256K1, new byte[31])).isInstanceOf(InvalidEncodingException.class);
  }
}
