package dev.subnetsim.chainkey.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.Lagrange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
  void sharesAreThoseOfOpeningEveryDealingOneByOne() {
    // The run checks each receiver's summed share once against the transcript; the shares must be
    // the ones a receiver gets by opening (and checking) every dealing on its own first.
    int n = 7;
    SeededRandom rng = SeededRandom.fromSeed(11);
    List<ReceiverKeyPair> receivers = InProcessDkg.receivers(n, rng);
    DkgConfig config = DkgConfig.fresh(new byte[] {7}, n, InProcessDkg.publicKeys(receivers), 3);
    SeededRandom dkgRng = rng.fork("beacon");
    InProcessDkg.Outcome out = InProcessDkg.run(config, receivers, dkgRng);
    List<Dealing> dealings = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      dealings.add(new DkgDealer(config, d).createDealing(dkgRng.fork("dealer-" + d)));
    }
    for (int i = 0; i < n; i++) {
      DkgReceiver receiver = new DkgReceiver(config, i, receivers.get(i));
      for (Dealing d : dealings) {
        assertThat(receiver.open(d, dkgRng.fork("open-" + i))).isInstanceOf(ShareOpening.Valid.class);
      }
      assertThat(receiver.computeKeyShare(out.transcript())).isEqualTo(out.shares().get(i));
    }
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
