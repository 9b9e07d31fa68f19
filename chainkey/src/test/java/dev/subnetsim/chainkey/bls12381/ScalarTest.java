package dev.subnetsim.chainkey.bls12381;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ScalarTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodingIsThirtyTwoBytesBigEndianAndRoundTrips() {
    Scalar s = Scalar.fromLong(0x0102);
    byte[] b = s.toBytes();
    assertThat(b).hasSize(32);
    assertThat(b[30]).isEqualTo((byte) 1);
    assertThat(b[31]).isEqualTo((byte) 2);
    assertThat(Scalar.fromBytes(b)).isEqualTo(s);
    Scalar max = Scalar.fromLong(-1);
    assertThat(Scalar.fromBytes(max.toBytes())).isEqualTo(max);
  }

  @Test
  void decodingRejectsTheOrderAndAboveAndWrongLengths() {
    byte[] r = HEX.parseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
    assertThatThrownBy(() -> Scalar.fromBytes(r))
        .isInstanceOf(MalformedScalarException.class)
        .hasMessageContaining("order");
    byte[] ff = new byte[32];
    java.util.Arrays.fill(ff, (byte) 0xff);
    assertThatThrownBy(() -> Scalar.fromBytes(ff)).isInstanceOf(MalformedScalarException.class);
    assertThatThrownBy(() -> Scalar.fromBytes(new byte[31]))
        .isInstanceOf(MalformedScalarException.class)
        .hasMessageContaining("31");
    assertThatThrownBy(() -> Scalar.fromBytes(new byte[33])).isInstanceOf(MalformedScalarException.class);
  }

  @Test
  void fieldArithmeticSatisfiesTheFieldLaws() {
    SeededRandom rng = SeededRandom.fromSeed(1);
    Scalar a = Scalar.random(rng);
    Scalar b = Scalar.random(rng);
    Scalar c = Scalar.random(rng);
    assertThat(a.add(b)).isEqualTo(b.add(a));
    assertThat(a.mul(b.add(c))).isEqualTo(a.mul(b).add(a.mul(c)));
    assertThat(a.sub(b).add(b)).isEqualTo(a);
    assertThat(a.add(a.neg())).isEqualTo(Scalar.ZERO);
    assertThat(a.mul(a.inverse())).isEqualTo(Scalar.ONE);
    assertThat(a.pow(Scalar.ORDER.subtract(BigInteger.ONE))).isEqualTo(Scalar.ONE);
    assertThat(Scalar.fromLong(3).pow(4)).isEqualTo(Scalar.fromLong(81));
    assertThat(Scalar.fromLong(-1).add(Scalar.ONE)).isEqualTo(Scalar.ZERO);
    assertThat(Scalar.fromLong(2).sub(Scalar.fromLong(5))).isEqualTo(Scalar.fromLong(-3));
  }

  @Test
  void zeroHasNoInverse() {
    assertThatThrownBy(Scalar.ZERO::inverse).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void randomScalarsAreReproducibleFromTheSeedAndBelowTheOrder() {
    Scalar x = Scalar.random(SeededRandom.fromSeed(42));
    Scalar y = Scalar.random(SeededRandom.fromSeed(42));
    Scalar z = Scalar.random(SeededRandom.fromSeed(43));
    assertThat(x).isEqualTo(y).isNotEqualTo(z);
    SeededRandom rng = SeededRandom.fromSeed(7);
    for (int i = 0; i < 200; i++) {
      assertThat(Scalar.random(rng).toBigInteger()).isLessThan(Scalar.ORDER).isNotNegative();
    }
  }

  @Test
  void reducedDecodingTakesTheValueModuloTheOrder() {
    byte[] wide = new byte[48];
    wide[47] = 5;
    assertThat(Scalar.fromBytesReduced(wide)).isEqualTo(Scalar.fromLong(5));
    assertThat(Scalar.fromBigInteger(Scalar.ORDER.add(BigInteger.TWO))).isEqualTo(Scalar.fromLong(2));
  }
}
