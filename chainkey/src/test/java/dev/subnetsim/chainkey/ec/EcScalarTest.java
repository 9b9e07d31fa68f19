package dev.subnetsim.chainkey.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.hash.ExpandMessageXmd;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EcScalarTest {

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void fieldArithmeticIsModuloTheGroupOrder(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(7);
    EcScalar a = EcScalar.randomNonZero(curve, rng);
    EcScalar b = EcScalar.random(curve, rng);
    assertThat(a.mul(a.inverse())).isEqualTo(EcScalar.one(curve));
    assertThat(a.add(a.neg()).isZero()).isTrue();
    assertThat(a.add(b).sub(b)).isEqualTo(a);
    assertThat(EcScalar.of(curve, curve.order().add(BigInteger.TWO))).isEqualTo(EcScalar.of(curve, 2));
    assertThat(EcScalar.of(curve, -1)).isEqualTo(EcScalar.one(curve).neg());
    assertThatThrownBy(() -> EcScalar.zero(curve).inverse()).isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void bothByteOrdersRoundTripAndAreReversesOfEachOther(EcCurve curve) {
    EcScalar a = EcScalar.random(curve, SeededRandom.fromSeed(9));
    byte[] be = a.toBytes();
    byte[] le = a.toBytesLittleEndian();
    assertThat(be).hasSize(32);
    for (int i = 0; i < 32; i++) {
      assertThat(le[i]).isEqualTo(be[31 - i]);
    }
    assertThat(EcScalar.fromBytes(curve, be)).isEqualTo(a);
    assertThat(EcScalar.fromBytesLittleEndian(curve, le)).isEqualTo(a);
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void canonicalDecodingRejectsTheOrderAndWrongLengths(EcCurve curve) {
    byte[] n = BigIntegers.asUnsignedByteArray(32, curve.order());
    assertThatThrownBy(() -> EcScalar.fromBytes(curve, n))
        .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("non-canonical big-endian");
    byte[] nLe = new byte[32];
    for (int i = 0; i < 32; i++) {
      nLe[i] = n[31 - i];
    }
    assertThatThrownBy(() -> EcScalar.fromBytesLittleEndian(curve, nLe)).hasMessageContaining("non-canonical little-endian");
    assertThatThrownBy(() -> EcScalar.fromBytes(curve, new byte[31])).hasMessageContaining("expected 32 bytes");
    assertThat(EcScalar.fromBytesReduced(curve, n).isZero()).isTrue();
  }

  @Test
  void hashToScalarDependsOnDstMessageAndCurve() {
    byte[] m = "msg".getBytes();
    EcScalar h1 = EcScalar.hash(EcCurve.SECP256K1, "DST-A", m);
    assertThat(EcScalar.hash(EcCurve.SECP256K1, "DST-A", m)).isEqualTo(h1);
    assertThat(EcScalar.hash(EcCurve.SECP256K1, "DST-B", m)).isNotEqualTo(h1);
    assertThat(EcScalar.hash(EcCurve.SECP256K1, "DST-A", "msh".getBytes())).isNotEqualTo(h1);
    // Definition: OS2IP(expand_message_xmd(m, dst, 48)) mod n.
    BigInteger expected = new BigInteger(1, ExpandMessageXmd.expand(m, "DST-A", 48)).mod(EcCurve.ED25519.order());
    assertThat(EcScalar.hash(EcCurve.ED25519, "DST-A", m).toBigInteger()).isEqualTo(expected);
  }

  @Test
  void toStringHidesTheSecret() {
    EcScalar a = EcScalar.of(EcCurve.P256, 123456789);
    assertThat(a.toString()).doesNotContain("123456789").doesNotContain("75bcd15");
  }
}
