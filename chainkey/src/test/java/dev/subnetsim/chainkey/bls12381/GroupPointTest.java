package dev.subnetsim.chainkey.bls12381;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What G1Point and G2Point share through GroupPoint and PointGroup, checked in both groups. */
class GroupPointTest {

  @Test
  void pointsOfDifferentGroupsAreNeverEqualNotEvenTheIdentities() {
    assertThat((Object) G1Point.identity()).isNotEqualTo(G2Point.identity());
    assertThat((Object) G2Point.generator()).isNotEqualTo(G1Point.generator());
  }

  @Test
  void eachGroupNamesItselfInToStringAndInDecodingErrors() {
    assertThat(G1Point.generator().toString()).startsWith("G1(");
    assertThat(G2Point.generator().toString()).startsWith("G2(");
    assertThatThrownBy(() -> G1Point.fromBytesNonIdentity(G1Point.identity().toBytes()))
        .isInstanceOf(MalformedPointException.class).hasMessage("IDENTITY_NOT_ALLOWED: G1 point is the identity");
    assertThatThrownBy(() -> G2Point.fromBytesNonIdentity(G2Point.identity().toBytes()))
        .isInstanceOf(MalformedPointException.class).hasMessage("IDENTITY_NOT_ALLOWED: G2 point is the identity");
  }

  @Test
  void aDecodedPointKeepsItsOwnCopyOfTheEncoding() {
    byte[] g1 = G1Point.generator().mulSmall(5).toBytes();
    byte[] g2 = G2Point.generator().mulSmall(5).toBytes();
    G1Point p1 = G1Point.fromBytes(g1);
    G2Point p2 = G2Point.fromBytes(g2);
    byte[] expected1 = g1.clone();
    byte[] expected2 = g2.clone();
    g1[5] ^= 1;
    g2[5] ^= 1;
    assertThat(p1.toBytes()).isEqualTo(expected1);
    assertThat(p2.toBytes()).isEqualTo(expected2);
    p1.toBytes()[0] ^= 1;
    assertThat(p1.toBytes()).isEqualTo(expected1);
  }

  @Test
  void operationsLeaveTheirOperandsUnchanged() {
    G1Point a = G1Point.generator().mulSmall(3);
    G2Point b = G2Point.generator().mulSmall(3);
    byte[] aBefore = a.toBytes();
    byte[] bBefore = b.toBytes();
    a.add(a).neg().mul(Scalar.fromLong(7)).sub(a);
    b.add(b).neg().mul(Scalar.fromLong(7)).sub(b);
    G1Point.sum(List.of(a, a));
    G2Point.multiScalarMul(List.of(b, b), List.of(Scalar.fromLong(2), Scalar.fromLong(9)));
    assertThat(a.toBytes()).isEqualTo(aBefore);
    assertThat(b.toBytes()).isEqualTo(bBefore);
    assertThat(a.blstCopy()).isNotSameAs(a.blstReadOnly());
  }

  @Test
  void sumAndMultiScalarMulAgreeWithRepeatedAdditionInBothGroups() {
    G1Point g1 = G1Point.generator();
    G2Point g2 = G2Point.generator();
    assertThat(G1Point.sum(List.of(g1, g1, g1))).isEqualTo(g1.mulSmall(3))
        .hasSameHashCodeAs(g1.mulSmall(3));
    assertThat(G2Point.sum(List.of())).isEqualTo(G2Point.identity());
    assertThat(G2Point.multiScalarMul(List.of(g2, g2),
        List.of(Scalar.fromLong(2), Scalar.fromLong(5))))
        .isEqualTo(g2.mulSmall(7));
    assertThatThrownBy(() -> G1Point.multiScalarMul(List.of(g1), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("1 points but 0 scalars");
  }
}
