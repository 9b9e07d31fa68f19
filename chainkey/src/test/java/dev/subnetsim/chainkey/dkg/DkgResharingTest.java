package dev.subnetsim.chainkey.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resharing a key from an old committee (the dealers) to a new one (the receivers). */
class DkgResharingTest {

  private static final byte[] ID = "reshare/backup-subnet->signing-subnet/epoch-2".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MSG = "signed after resharing".getBytes(StandardCharsets.UTF_8);
  private final SeededRandom rng = SeededRandom.fromSeed(2021_339);

  /** The old key, itself produced by the DKG (no trusted dealer anywhere). */
  private record OldKey(PublicCoefficients coefficients, Map<Integer, Scalar> shares) {}

  private OldKey dkg(int n, int t) {
    DkgCommittee committee = new DkgCommittee(n, rng.fork("old-committee"));
    DkgConfig config = DkgConfig.fresh("old-key".getBytes(StandardCharsets.UTF_8), n, committee.publicKeys(), t);
    List<DkgReceiver> receivers = committee.receivers(config);
    List<Dealing> dealings = DkgCommittee.freshDealings(config, rng.fork("old"));
    Transcript transcript = TranscriptBuilder.build(config, dealings, DkgCommittee.openAll(receivers, dealings, rng));
    return new OldKey(transcript.publicCoefficients(), DkgCommittee.keyShares(receivers, transcript));
  }

  private static List<Dealing> reshare(DkgConfig config, OldKey old, List<Integer> dealers, SeededRandom rng) {
    List<Dealing> out = new ArrayList<>();
    for (int d : dealers) {
      out.add(new DkgDealer(config, d).createResharingDealing(old.shares().get(d), rng.fork("reshare-" + d)));
    }
    return out;
  }

  private static boolean combinedSignatureVerifies(PublicCoefficients pc, Map<Integer, Scalar> shares, List<Integer> signers, int t) {
    ThresholdBls bls = ThresholdBls.ic();
    Map<Integer, G1Point> sig = new TreeMap<>();
    for (int i : signers) {
      sig.put(i, bls.signShare(shares.get(i), MSG));
    }
    return bls.verify(pc.publicKey(), MSG, bls.combine(t, sig));
  }

  @ParameterizedTest(name = "({0}, t={1}) -> ({2}, t={3})")
  @CsvSource({"4, 2, 7, 5", "7, 5, 13, 5", "13, 9, 4, 3", "7, 3, 4, 2", "4, 3, 13, 9"})
  void resharingToANewCommitteeKeepsThePublicKey(int oldN, int oldT, int newN, int newT) {
    OldKey old = dkg(oldN, oldT);
    DkgCommittee next = new DkgCommittee(newN, rng.fork("new-committee"));
    DkgConfig config = DkgConfig.resharing(ID, old.coefficients(), oldN, next.publicKeys(), newT);
    List<DkgReceiver> receivers = next.receivers(config);
    List<Integer> allOld = java.util.stream.IntStream.range(0, oldN).boxed().toList();
    List<Dealing> dealings = reshare(config, old, allOld, rng);
    List<Complaint> complaints = DkgCommittee.openAll(receivers, dealings, rng);
    assertThat(complaints).isEmpty();

    Transcript transcript = TranscriptBuilder.build(config, dealings, complaints);
    assertThat(transcript.isResharing()).isTrue();
    assertThat(transcript.dealings()).hasSize(oldT);
    assertThat(transcript.publicKey()).isEqualTo(old.coefficients().publicKey());
    assertThat(transcript.threshold()).isEqualTo(newT);
    TranscriptBuilder.verify(config, transcript);

    Map<Integer, Scalar> newShares = DkgCommittee.keyShares(receivers, transcript);
    List<Integer> all = new ArrayList<>(newShares.keySet());
    assertThat(combinedSignatureVerifies(transcript.publicCoefficients(), newShares, all.subList(0, newT), newT)).isTrue();
    assertThat(combinedSignatureVerifies(transcript.publicCoefficients(), newShares, all.subList(newN - newT, newN), newT)).isTrue();
    // Same secret, different sharing; and no new-committee party holds it.
    Scalar secret = DkgCommittee.reconstruct(newShares);
    assertThat(secret).isEqualTo(DkgCommittee.reconstruct(old.shares()));
    for (DkgReceiver r : receivers) {
      assertThat(SecretScan.scalarsReachableFrom(r)).isNotEmpty().doesNotContain(secret);
    }
  }

  @Test
  void resharingWorksFromAnyOldThresholdSubsetOfDealers() {
    OldKey old = dkg(7, 3);
    DkgCommittee next = new DkgCommittee(4, rng.fork("new-committee"));
    DkgConfig config = DkgConfig.resharing(ID, old.coefficients(), 7, next.publicKeys(), 3);
    Transcript transcript = TranscriptBuilder.build(config, reshare(config, old, List.of(6, 2, 4), rng), List.of());
    assertThat(transcript.dealerIndices()).containsExactly(2, 4, 6);
    Map<Integer, Scalar> shares = DkgCommittee.keyShares(next.receivers(config), transcript);
    assertThat(combinedSignatureVerifies(transcript.publicCoefficients(), shares, List.of(0, 1, 3), 3)).isTrue();
  }

  @Test
  void aDealerResharingSomethingOtherThanItsShareIsRejectedAndExcluded() {
    OldKey old = dkg(4, 2);
    DkgCommittee next = new DkgCommittee(7, rng.fork("new-committee"));
    DkgConfig config = DkgConfig.resharing(ID, old.coefficients(), 4, next.publicKeys(), 5);
    List<Dealing> dealings = new ArrayList<>(reshare(config, old, List.of(0, 1, 2, 3), rng));
    Dealing fake = new DkgDealer(config, 0).createResharingDealing(Scalar.fromLong(7), rng.fork("fake"));
    dealings.set(0, fake);
    assertThatThrownBy(() -> DealingValidator.verify(config, fake))
        .isInstanceOfSatisfying(InvalidDealingException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidDealingException.Reason.RESHARED_SECRET_MISMATCH))
        .hasMessageContaining("public key share of the reshared key");
    Transcript t = TranscriptBuilder.build(config, dealings, List.of());
    assertThat(t.dealerIndices()).containsExactly(1, 2);
    assertThat(t.attributions()).containsExactly(new Attribution(Attribution.Kind.INVALID_DEALING, 0, 0));
    assertThat(t.publicKey()).isEqualTo(old.coefficients().publicKey());
  }

  @Test
  void aResharingDealerGivingABadShareIsExcludedAndTheKeyStillTransfers() {
    OldKey old = dkg(4, 2);
    DkgCommittee next = new DkgCommittee(4, rng.fork("new-committee"));
    DkgConfig config = DkgConfig.resharing(ID, old.coefficients(), 4, next.publicKeys(), 3);
    List<DkgReceiver> receivers = next.receivers(config);
    List<Dealing> dealings = new ArrayList<>(reshare(config, old, List.of(0, 1, 2, 3), rng));
    dealings.set(0, DkgCommittee.withBadShareFor(dealings.get(0), 3));
    Transcript t = TranscriptBuilder.build(config, dealings, DkgCommittee.openAll(receivers, dealings, rng));
    assertThat(t.dealerIndices()).containsExactly(1, 2);
    assertThat(t.attributions()).containsExactly(new Attribution(Attribution.Kind.UPHELD_COMPLAINT, 0, 3));
    Map<Integer, Scalar> shares = DkgCommittee.keyShares(receivers, t);
    assertThat(combinedSignatureVerifies(t.publicCoefficients(), shares, List.of(0, 2, 3), 3)).isTrue();
  }

  @Test
  void fewerDealingsThanTheOldThresholdCannotReshare() {
    OldKey old = dkg(7, 5);
    DkgCommittee next = new DkgCommittee(4, rng.fork("new-committee"));
    DkgConfig config = DkgConfig.resharing(ID, old.coefficients(), 7, next.publicKeys(), 2);
    assertThat(config.collectionThreshold()).isEqualTo(5);
    assertThatThrownBy(() -> TranscriptBuilder.build(config, reshare(config, old, List.of(0, 1, 2, 3), rng), List.of()))
        .isInstanceOfSatisfying(InsufficientDealingsException.class, e -> assertThat(e.available()).isEqualTo(4));
    assertThatThrownBy(() -> new DkgConfig(ID, 7, next.publicKeys(), 2, 4, java.util.Optional.of(old.coefficients())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("old threshold");
  }

  @Test
  void oldAndNewSharesCannotBeMixed() {
    OldKey old = dkg(4, 3);
    DkgCommittee next = new DkgCommittee(4, rng.fork("new-committee"));
    DkgConfig config = DkgConfig.resharing(ID, old.coefficients(), 4, next.publicKeys(), 3);
    List<DkgReceiver> receivers = next.receivers(config);
    Transcript t = TranscriptBuilder.build(config, reshare(config, old, List.of(0, 1, 2, 3), rng), List.of());
    Map<Integer, Scalar> fresh = DkgCommittee.keyShares(receivers, t);
    assertThat(combinedSignatureVerifies(t.publicCoefficients(), fresh, List.of(0, 1, 2), 3)).isTrue();
    assertThat(combinedSignatureVerifies(old.coefficients(), old.shares(), List.of(0, 1, 2), 3)).isTrue();
    // New shares of nodes 0 and 1 with the old share of node 2 (same index, same threshold).
    Map<Integer, Scalar> mixed = new TreeMap<>(Map.of(0, fresh.get(0), 1, fresh.get(1), 2, old.shares().get(2)));
    assertThat(combinedSignatureVerifies(t.publicCoefficients(), mixed, List.of(0, 1, 2), 3)).isFalse();
    // And an old share does not verify as a signature share under the new public key share.
    ThresholdBls bls = ThresholdBls.ic();
    assertThat(bls.verifyShare(t.publicCoefficients(), 2, MSG, bls.signShare(old.shares().get(2), MSG))).isFalse();
  }

  @Test
  void aFreshDealingCannotBeMadeForAResharingConfigNorTheOtherWayRound() {
    OldKey old = dkg(4, 2);
    DkgCommittee next = new DkgCommittee(4, rng.fork("new-committee"));
    DkgConfig resharing = DkgConfig.resharing(ID, old.coefficients(), 4, next.publicKeys(), 2);
    DkgConfig fresh = DkgConfig.fresh(ID, 4, next.publicKeys(), 2);
    assertThatThrownBy(() -> new DkgDealer(resharing, 0).createDealing(rng)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new DkgDealer(fresh, 0).createResharingDealing(Scalar.ONE, rng)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resharingATrustedDealerKeyAlsoWorks() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(4, 2, rng.fork("td"));
    Map<Integer, Scalar> shares = new TreeMap<>();
    for (int i = 0; i < 4; i++) {
      shares.put(i, keys.secretKeyShare(i));
    }
    OldKey old = new OldKey(keys.publicCoefficients(), shares);
    DkgCommittee next = new DkgCommittee(7, rng.fork("new-committee"));
    DkgConfig config = DkgConfig.resharing(ID, old.coefficients(), 4, next.publicKeys(), 3);
    Transcript t = TranscriptBuilder.build(config, reshare(config, old, List.of(0, 3), rng), List.of());
    Map<Integer, Scalar> newShares = DkgCommittee.keyShares(next.receivers(config), t);
    assertThat(combinedSignatureVerifies(t.publicCoefficients(), newShares, List.of(4, 5, 6), 3)).isTrue();
    assertThat(t.publicKey()).isEqualTo(keys.publicKey());
  }
}
