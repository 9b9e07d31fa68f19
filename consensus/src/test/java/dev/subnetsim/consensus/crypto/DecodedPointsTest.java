package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.Scalar;
import org.junit.jupiter.api.Test;

/** Shares decoded once per run: the same bytes give the same point, bounded, failures not kept. */
class DecodedPointsTest {
  private final DecodedPoints points = new DecodedPoints();

  private static byte[] point(long k) {
    return G1Point.generator().mul(Scalar.fromLong(k)).toBytes();
  }

  @Test
  void theSameBytesAreDecodedOnceAndGiveTheDecodedPoint() {
    byte[] bytes = point(7);

    G1Point first = points.decode(bytes);

    assertThat(first).isEqualTo(G1Point.fromBytes(bytes));
    assertThat(points.decode(bytes.clone())).isSameAs(first);
    assertThat(points.decodeNonIdentity(bytes)).isSameAs(first);
    assertThat(points.size()).isEqualTo(1);
  }

  @Test
  void bytesThatDoNotDecodeThrowEveryTimeAndAreNotKept() {
    byte[] garbage = new byte[48]; // no compression flag

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> points.decode(garbage)).isInstanceOf(MalformedPointException.class);
    }
    assertThat(points.size()).isZero();
  }

  @Test
  void theIdentityDecodesButIsRefusedWhereASignatureIsExpected() {
    byte[] identity = G1Point.identity().toBytes();

    assertThat(points.decode(identity).isIdentity()).isTrue();
    assertThatThrownBy(() -> points.decodeNonIdentity(identity))
        .isInstanceOf(MalformedPointException.class).hasMessageContaining("identity");
  }

  @Test
  void itHoldsAtMostItsCapacity() {
    G1Point p = G1Point.generator();
    for (int i = 1; i <= DecodedPoints.CAPACITY / 2 + 3; i++) {
      points.decode(p.toBytes());
      p = p.add(G1Point.generator());
    }
    assertThat(points.size()).isLessThanOrEqualTo(DecodedPoints.CAPACITY).isPositive();
  }
}
