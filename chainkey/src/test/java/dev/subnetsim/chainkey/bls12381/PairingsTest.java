package dev.subnetsim.chainkey.bls12381;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairingsTest {

  private final SeededRandom rng = SeededRandom.fromSeed(11);
  private final Scalar a = Scalar.random(rng);
  private final Scalar b = Scalar.random(rng);
  private final G1Point g1 = G1Point.generator();
  private final G2Point g2 = G2Point.generator();

  @Test
  void pairingIsBilinear() {
    assertThat(Pairings.pairingsEqual(g1.mul(a), g2.mul(b), g1.mul(a.mul(b)), g2)).isTrue();
    assertThat(Pairings.pairingsEqual(g1.mul(a), g2.mul(b), g1, g2.mul(a.mul(b)))).isTrue();
  }

  @Test
  void unequalPairingsAreDetected() {
    assertThat(Pairings.pairingsEqual(g1.mul(a), g2.mul(b), g1.mul(a.mul(b).add(Scalar.ONE)), g2)).isFalse();
    assertThat(Pairings.pairingsEqual(g1.mul(a), g2, g1, g2.mul(b))).isFalse();
  }

  @Test
  void productOfPairingsIsOneExactlyWhenExponentsCancel() {
    List<PairingTerm> cancels =
        List.of(
            new PairingTerm(g1.mul(a), g2.mul(b)),
            new PairingTerm(g1.mul(b).neg(), g2.mul(a)),
            new PairingTerm(g1, g2),
            new PairingTerm(g1.neg(), g2));
    assertThat(Pairings.productIsOne(cancels)).isTrue();
    List<PairingTerm> doesNot =
        List.of(new PairingTerm(g1.mul(a), g2.mul(b)), new PairingTerm(g1.mul(b).neg(), g2.mul(b)));
    assertThat(Pairings.productIsOne(doesNot)).isFalse();
    assertThat(Pairings.productIsOne(List.of(new PairingTerm(g1, g2)))).isFalse();
  }

  @Test
  void identityFactorsContributeOneAndEmptyProductIsOne() {
    assertThat(Pairings.productIsOne(List.of())).isTrue();
    assertThat(Pairings.productIsOne(List.of(new PairingTerm(G1Point.identity(), g2)))).isTrue();
    assertThat(Pairings.productIsOne(List.of(new PairingTerm(g1, G2Point.identity())))).isTrue();
  }
}
