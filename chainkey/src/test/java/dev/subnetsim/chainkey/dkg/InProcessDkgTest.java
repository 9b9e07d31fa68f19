package dev.subnetsim.chainkey.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.Lagrange;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InProcessDkgTest {

  private static InProcessDkg.Outcome run(int n, int threshold, long seed) {
    SeededRandom rng = SeededRandom.fromSeed(seed);
    List<ReceiverKeyPair> receivers = InProcessDkg.receivers(n, rng);
    DkgConfig config = DkgConfig.fresh("pinned/beacon".getBytes(StandardCharsets.UTF_8), n,
        InProcessDkg.publicKeys(receivers), threshold);
    return InProcessDkg.run(config, receivers, rng.fork("beacon"));
  }

  @Test
  void aRunIsAFunctionOfTheSeedAlone() {
    // Bit-for-bit agreement with the ceremonies this replaced is pinned in consensus's
    // GenesisKeysPinnedTest (digest taken from the code before this helper existed).
    InProcessDkg.Outcome a = run(4, 2, 17);
    InProcessDkg.Outcome b = run(4, 2, 17);
    assertThat(a.shares()).hasSize(4).isEqualTo(b.shares());
    assertThat(HexFormat.of().formatHex(a.transcript().publicCoefficients().toBytes()))
        .isEqualTo(HexFormat.of().formatHex(b.transcript().publicCoefficients().toBytes()));
  }

  @Test
  void everyShareVerifiesAndAnyThresholdOfThemInterpolatesToTheSameSecret() {
    InProcessDkg.Outcome out = run(4, 3, 5);
    for (int i = 0; i < 4; i++) {
      assertThat(out.transcript().publicCoefficients().verifyShare(i, out.shares().get(i))).isTrue();
    }
    Map<Integer, Scalar> first = new TreeMap<>(Map.of(0, out.shares().get(0), 1,
        out.shares().get(1), 2, out.shares().get(2)));
    Map<Integer, Scalar> last = new TreeMap<>(Map.of(1, out.shares().get(1), 2,
        out.shares().get(2), 3, out.shares().get(3)));
    assertThat(Lagrange.interpolateAtZero(first)).isEqualTo(Lagrange.interpolateAtZero(last));
  }

  @Test
  void differentSeedsGiveDifferentKeys() {
    assertThat(run(4, 2, 1).transcript().publicCoefficients())
        .isNotEqualTo(run(4, 2, 2).transcript().publicCoefficients());
  }

  @Test
  void rejectsReceiversThatAreNotTheConfigsReceivers() {
    SeededRandom rng = SeededRandom.fromSeed(3);
    List<ReceiverKeyPair> receivers = InProcessDkg.receivers(4, rng);
    DkgConfig config = DkgConfig.fresh(new byte[] {1}, 4, InProcessDkg.publicKeys(receivers), 2);
    assertThatThrownBy(() -> InProcessDkg.run(config, receivers.subList(0, 3), rng))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one receiver per dealer");
  }
}
