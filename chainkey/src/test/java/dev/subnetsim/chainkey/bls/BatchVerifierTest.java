package dev.subnetsim.chainkey.bls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BatchVerifierTest {

  private static final String DST = DomainSeparators.BLS_SIG_DST;
  private final SeededRandom rng = SeededRandom.fromSeed(61);

  private List<BatchVerifier.Item> validItems(int n, int distinctMessages) {
    List<BatchVerifier.Item> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Scalar sk = Scalar.randomNonZero(rng);
      byte[] m = new byte[] {(byte) (i % distinctMessages)};
      items.add(new BatchVerifier.Item(G2Point.generator().mul(sk), m, HashToCurve.hashToG1(m, DST).mul(sk)));
    }
    return items;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 5, 13})
  void everyPatternOfBadItemsIsFoundExactly(int seedOffset) {
    List<BatchVerifier.Item> items = validItems(16, 3);
    SeededRandom pick = SeededRandom.fromSeed(100 + seedOffset);
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (pick.nextInt(4) == 0) {
        BatchVerifier.Item it = items.get(i);
        items.set(i, new BatchVerifier.Item(it.publicKey(), it.message(), it.signature().add(G1Point.generator())));
        expected.add(i);
      }
    }
    assertThat(BatchVerifier.invalidIndices(items, DST, rng)).isEqualTo(expected);
    assertThat(BatchVerifier.allValid(items, DST, rng)).isEqualTo(expected.isEmpty());
  }

  @Test
  void allBadItemsAreAllReported() {
    List<BatchVerifier.Item> items = validItems(5, 1);
    List<BatchVerifier.Item> bad = new ArrayList<>();
    for (BatchVerifier.Item it : items) {
      bad.add(new BatchVerifier.Item(it.publicKey(), new byte[] {9}, it.signature()));
    }
    assertThat(BatchVerifier.invalidIndices(bad, DST, rng)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void identityKeyOrSignatureItemsAreInvalidEvenThoughTheyPairTrivially() {
    List<BatchVerifier.Item> items = validItems(3, 1);
    items.add(new BatchVerifier.Item(G2Point.identity(), new byte[] {0}, G1Point.identity()));
    items.add(new BatchVerifier.Item(items.get(0).publicKey(), new byte[] {0}, G1Point.identity()));
    assertThat(BatchVerifier.invalidIndices(items, DST, rng)).containsExactly(3, 4);
  }

  @Test
  void sameSeedGivesTheSameRandomizersAndTheSameAnswer() {
    List<BatchVerifier.Item> items = validItems(6, 2);
    assertThat(BatchVerifier.invalidIndices(items, DST, SeededRandom.fromSeed(5)))
        .isEqualTo(BatchVerifier.invalidIndices(items, DST, SeededRandom.fromSeed(5)))
        .isEmpty();
  }
}
