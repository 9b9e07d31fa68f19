package dev.subnetsim.chainkey.dkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A receiver whose ciphertext in a dealing is garbage recovers its share of that dealing from
 * other receivers' openings ({@link DkgReceiver#recoverShare}): wrong openings are ignored, fewer
 * than a threshold of valid ones recover nothing, and the recovered share makes the key share the
 * transcript's public coefficients expect.
 */
class DkgShareRecoveryTest {
  private static final byte[] ID = "vetkd/recovery".getBytes(StandardCharsets.UTF_8);
  private final SeededRandom rng = SeededRandom.fromSeed(41);

  @Test
  void aVictimInterpolatesItsShareFromAThresholdOfValidOpeningsIgnoringWrongOnes() {
    int n = 7;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), Thresholds.low(n));
    int t = config.threshold();
    List<DkgReceiver> receivers = committee.receivers(config);
    List<Dealing> dealings = new ArrayList<>(DkgCommittee.freshDealings(config, rng));
    Dealing bad = DkgCommittee.withBadShareFor(dealings.get(1), 2);
    dealings.set(1, bad);
    assertThat(DkgCommittee.openAll(receivers, dealings, rng)).singleElement()
        .satisfies(c -> assertThat(c.complainerIndex()).isEqualTo(2));
    DkgReceiver victim = receivers.get(2);

    Map<Integer, Scalar> openings = new TreeMap<>();
    for (int j : List.of(0, 1, 3, 4, 5)) {
      openings.put(j, ((ShareOpening.Valid) receivers.get(j).open(bad, rng.fork("o" + j)))
          .share());
    }
    // A wrong opening by receiver 0, a claimed opening of the victim's own point, and only
    // t - 1 valid ones: nothing is recovered.
    Map<Integer, Scalar> tooFew = new TreeMap<>();
    tooFew.put(0, openings.get(0).add(Scalar.ONE));
    tooFew.put(2, Scalar.ONE);
    for (int j : List.of(3, 4, 5).subList(0, t - 1)) {
      tooFew.put(j, openings.get(j));
    }
    assertThat(victim.recoverShare(bad, tooFew)).isEmpty();

    // The same wrong opening beside t valid ones: the share is recovered and opens the
    // commitment at the victim's point.
    Map<Integer, Scalar> enough = new TreeMap<>(openings);
    enough.put(0, openings.get(0).add(Scalar.ONE));
    Scalar share = victim.recoverShare(bad, enough).orElseThrow();
    assertThat(bad.commitment().verifyShare(2, share)).isTrue();

    Transcript transcript = TranscriptBuilder.build(config, dealings, List.of());
    assertThat(transcript.dealerIndices()).contains(1);
    Scalar keyShare = victim.computeKeyShare(transcript);
    assertThat(G2Point.generator().mul(keyShare))
        .isEqualTo(transcript.publicCoefficients().publicKeyShare(2));
  }
}
