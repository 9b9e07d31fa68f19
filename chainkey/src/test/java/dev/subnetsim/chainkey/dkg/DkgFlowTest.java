package dev.subnetsim.chainkey.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DkgFlowTest {

  private static final byte[] ID = "nidkg/subnet-7/high/interval-3".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MSG = "certified state at height 99".getBytes(StandardCharsets.UTF_8);

  private final SeededRandom rng = SeededRandom.fromSeed(339);

  private static boolean signatureVerifies(Transcript t, Map<Integer, Scalar> keyShares, List<Integer> signers) {
    ThresholdBls bls = ThresholdBls.ic();
    Map<Integer, G1Point> sigShares = new TreeMap<>();
    for (int i : signers) {
      sigShares.put(i, bls.signShare(keyShares.get(i), MSG));
    }
    return bls.verify(t.publicKey(), MSG, bls.combine(t.threshold(), sigShares));
  }

  /** n = 4, 7, 13 with thresholds f+1 and n-f, and the IC's largest subnet size at n-f. */
  @ParameterizedTest
  @CsvSource({"4, 2", "4, 3", "7, 3", "7, 5", "13, 5", "13, 9", "40, 27", "5, 3", "6, 4"})
  void allHonestDkgYieldsKeySharesOfThePublicKeyFormedByTheIncludedDealers(int n, int t) {
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), t);
    List<DkgReceiver> receivers = committee.receivers(config);
    List<Dealing> dealings = DkgCommittee.freshDealings(config, rng);
    List<Complaint> complaints = DkgCommittee.openAll(receivers, dealings, rng);
    assertThat(complaints).isEmpty();

    Transcript transcript = TranscriptBuilder.build(config, dealings, complaints);
    assertThat(transcript.dealerIndices()).hasSize(Thresholds.low(n)).isSorted();
    assertThat(transcript.attributions()).isEmpty();
    TranscriptBuilder.verify(config, transcript);

    G2Point sumOfConstantTerms = G2Point.sum(
        transcript.dealings().stream().map(d -> d.commitment().publicKey()).toList());
    assertThat(transcript.publicKey()).isEqualTo(sumOfConstantTerms);

    Map<Integer, Scalar> shares = DkgCommittee.keyShares(receivers, transcript);
    List<Integer> all = new ArrayList<>(shares.keySet());
    assertThat(signatureVerifies(transcript, shares, all.subList(0, t))).isTrue();
    assertThat(signatureVerifies(transcript, shares, all.subList(n - t, n))).isTrue();
    assertThat(G2Point.generator().mul(DkgCommittee.reconstruct(shares))).isEqualTo(transcript.publicKey());
  }

  @Test
  void noPartyEverHoldsTheMasterSecret() {
    int n = 7;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), Thresholds.high(n));
    List<DkgReceiver> receivers = committee.receivers(config);
    List<DkgDealer> dealers = new ArrayList<>();
    List<Dealing> dealings = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      dealers.add(new DkgDealer(config, d));
      dealings.add(dealers.get(d).createDealing(rng.fork("dealer-" + d)));
    }
    List<Complaint> complaints = DkgCommittee.openAll(receivers, dealings, rng);
    Transcript transcript = TranscriptBuilder.build(config, dealings, complaints);
    Map<Integer, Scalar> shares = DkgCommittee.keyShares(receivers, transcript);
    Scalar master = DkgCommittee.reconstruct(shares);
    assertThat(G2Point.generator().mul(master)).isEqualTo(transcript.publicKey());

    for (int i = 0; i < n; i++) {
      List<Scalar> partyState = SecretScan.scalarsReachableFrom(
          receivers.get(i), dealers.get(i), committee.keyPairs.get(i));
      // The scan sees the party's secrets (so it is not vacuous) but not the master secret.
      assertThat(partyState).contains(shares.get(i), committee.keyPairs.get(i).secretKey());
      assertThat(partyState).doesNotContain(master);
    }
    List<Scalar> publicState = SecretScan.scalarsReachableFrom(dealings, complaints, transcript, config);
    assertThat(publicState).isNotEmpty().doesNotContain(master);
  }

  @Test
  void aDealerGivingOneReceiverABadShareIsExposedByAnUpheldComplaintAndExcluded() {
    int n = 4;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), Thresholds.low(n));
    List<DkgReceiver> receivers = committee.receivers(config);
    List<Dealing> dealings = new ArrayList<>(DkgCommittee.freshDealings(config, rng));
    dealings.set(1, DkgCommittee.withBadShareFor(dealings.get(1), 2));
    assertThat(DealingValidator.isValid(config, dealings.get(1))).isTrue(); // not publicly detectable

    List<Complaint> complaints = DkgCommittee.openAll(receivers, dealings, rng);
    assertThat(complaints).singleElement().satisfies(c -> {
      assertThat(c.dealerIndex()).isEqualTo(1);
      assertThat(c.complainerIndex()).isEqualTo(2);
      assertThat(ComplaintVerifier.verify(config, dealings.get(1), c)).isEqualTo(ComplaintVerdict.UPHELD);
      assertThat(ComplaintVerifier.verify(config, dealings.get(1), Complaint.fromBytes(c.toBytes()))).isEqualTo(ComplaintVerdict.UPHELD);
    });

    Transcript transcript = TranscriptBuilder.build(config, dealings, complaints);
    assertThat(transcript.dealerIndices()).doesNotContain(1).containsExactly(0, 2);
    assertThat(transcript.attributions())
        .containsExactly(new Attribution(Attribution.Kind.UPHELD_COMPLAINT, 1, 2));
    TranscriptBuilder.verify(config, transcript);
    Map<Integer, Scalar> shares = DkgCommittee.keyShares(receivers, transcript);
    assertThat(signatureVerifies(transcript, shares, List.of(1, 2))).isTrue();
  }

  @Test
  void aFalseComplaintAboutAValidShareIsRejectedAndBlamesTheComplainer() {
    int n = 4;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), Thresholds.low(n));
    List<DkgReceiver> receivers = committee.receivers(config);
    List<Dealing> dealings = DkgCommittee.freshDealings(config, rng);
    DkgCommittee.openAll(receivers, dealings, rng);

    // Byzantine receiver 3 complains about dealer 0's valid share with a correct DH key ...
    Complaint honestlyProven = receivers.get(3).complaintAgainst(dealings.get(0), rng.fork("byz"));
    assertThat(ComplaintVerifier.verify(config, dealings.get(0), honestlyProven))
        .isEqualTo(ComplaintVerdict.REJECTED_SHARE_IS_VALID);
    // ... or with a made-up DH key (the proof cannot be made to verify).
    Complaint forged = new Complaint(0, 3, G1Point.generator().mul(Scalar.fromLong(42)), honestlyProven.proof());
    assertThat(ComplaintVerifier.verify(config, dealings.get(0), forged))
        .isEqualTo(ComplaintVerdict.REJECTED_BAD_PROOF);
    assertThat(ComplaintVerifier.verify(config, dealings.get(1), honestlyProven))
        .isEqualTo(ComplaintVerdict.REJECTED_WRONG_DEALING);

    Transcript transcript = TranscriptBuilder.build(config, dealings, List.of(honestlyProven, forged));
    assertThat(transcript.dealerIndices()).containsExactly(0, 1);
    assertThat(transcript.attributions())
        .containsExactly(new Attribution(Attribution.Kind.FALSE_COMPLAINT, 3, 0));
  }

  @Test
  void aComplaintReplayedInAnotherDkgInstanceFailsItsProof() {
    int n = 4;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), 2);
    DkgConfig other = DkgConfig.fresh("another-dkg".getBytes(StandardCharsets.UTF_8), n, committee.publicKeys(), 2);
    Dealing bad = DkgCommittee.withBadShareFor(new DkgDealer(config, 0).createDealing(rng.fork("d0")), 1);
    Complaint c = ((ShareOpening.Invalid) committee.receivers(config).get(1).open(bad, rng.fork("c"))).complaint();
    assertThat(ComplaintVerifier.verify(config, bad, c)).isEqualTo(ComplaintVerdict.UPHELD);
    assertThat(ComplaintVerifier.verify(other, bad, c)).isEqualTo(ComplaintVerdict.REJECTED_BAD_PROOF);
  }

  @Test
  void malformedDealingsAreRejectedWithTheReasonAndTheDealer() {
    int n = 4;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), 3);
    DkgConfig lowThreshold = DkgConfig.fresh(ID, n, committee.publicKeys(), 2);
    Dealing good = new DkgDealer(config, 2).createDealing(rng.fork("d2"));
    Dealing wrongThreshold = new DkgDealer(lowThreshold, 2).createDealing(rng.fork("d2"));
    Dealing tooFewCiphertexts = new Dealing(2, good.commitment(), good.ephemeralKey(), good.ciphertexts().subList(0, 3));
    Dealing unknownDealer = new Dealing(4, good.commitment(), good.ephemeralKey(), good.ciphertexts());
    Dealing identityR = new Dealing(2, good.commitment(), G1Point.identity(), good.ciphertexts());

    DealingValidator.verify(config, good);
    assertThatThrownBy(() -> DealingValidator.verify(config, wrongThreshold))
        .isInstanceOfSatisfying(InvalidDealingException.class, e -> {
          assertThat(e.reason()).isEqualTo(InvalidDealingException.Reason.WRONG_THRESHOLD);
          assertThat(e.dealerIndex()).isEqualTo(2);
        })
        .hasMessageContaining("dealer 2").hasMessageContaining("2 coefficients");
    assertThatThrownBy(() -> DealingValidator.verify(config, tooFewCiphertexts))
        .isInstanceOfSatisfying(InvalidDealingException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidDealingException.Reason.WRONG_RECEIVER_COUNT));
    assertThatThrownBy(() -> DealingValidator.verify(config, unknownDealer))
        .isInstanceOfSatisfying(InvalidDealingException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidDealingException.Reason.UNKNOWN_DEALER));
    assertThatThrownBy(() -> DealingValidator.verify(config, identityR))
        .isInstanceOfSatisfying(InvalidDealingException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidDealingException.Reason.IDENTITY_EPHEMERAL_KEY));
    assertThatThrownBy(() -> committee.receivers(config).get(0).open(wrongThreshold, rng))
        .isInstanceOf(InvalidDealingException.class);

    // An invalid dealing that reaches the builder is excluded and attributed.
    List<Dealing> dealings = new ArrayList<>(DkgCommittee.freshDealings(config, rng));
    dealings.set(0, new Dealing(0, wrongThreshold.commitment(), wrongThreshold.ephemeralKey(), wrongThreshold.ciphertexts()));
    Transcript t = TranscriptBuilder.build(config, dealings, List.of());
    assertThat(t.dealerIndices()).containsExactly(1, 2);
    assertThat(t.attributions()).containsExactly(new Attribution(Attribution.Kind.INVALID_DEALING, 0, 0));
  }

  @Test
  void aDealerWithTwoDifferentDealingsIsExcludedAsEquivocating() {
    int n = 4;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), 2);
    List<Dealing> dealings = new ArrayList<>(DkgCommittee.freshDealings(config, rng));
    dealings.add(new DkgDealer(config, 0).createDealing(rng.fork("second")));
    dealings.add(dealings.get(1)); // an identical copy is not equivocation
    Transcript t = TranscriptBuilder.build(config, dealings, List.of());
    assertThat(t.dealerIndices()).containsExactly(1, 2);
    assertThat(t.attributions()).containsExactly(new Attribution(Attribution.Kind.DUPLICATE_DEALING, 0, 0));
  }

  @Test
  void tooFewValidDealingsThrowAndReportWhoWasExcluded() {
    int n = 4;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), 2);
    List<DkgReceiver> receivers = committee.receivers(config);
    List<Dealing> dealings = new ArrayList<>(DkgCommittee.freshDealings(config, rng).subList(0, 2));
    dealings.set(0, DkgCommittee.withBadShareFor(dealings.get(0), 3));
    List<Complaint> complaints = DkgCommittee.openAll(receivers, dealings, rng);
    assertThatThrownBy(() -> TranscriptBuilder.build(config, dealings, complaints))
        .isInstanceOfSatisfying(InsufficientDealingsException.class, e -> {
          assertThat(e.needed()).isEqualTo(2);
          assertThat(e.available()).isEqualTo(1);
          assertThat(e.attributions()).containsExactly(new Attribution(Attribution.Kind.UPHELD_COMPLAINT, 0, 3));
        });
  }

  @Test
  void theTranscriptDependsOnlyOnTheSetOfInputsNotTheirOrder() {
    int n = 7;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), 3);
    List<DkgReceiver> receivers = committee.receivers(config);
    List<Dealing> dealings = new ArrayList<>(DkgCommittee.freshDealings(config, rng));
    dealings.set(0, DkgCommittee.withBadShareFor(dealings.get(0), 5));
    List<Complaint> complaints = new ArrayList<>(DkgCommittee.openAll(receivers, dealings, rng));
    complaints.add(receivers.get(6).complaintAgainst(dealings.get(2), rng.fork("false")));
    Transcript a = TranscriptBuilder.build(config, dealings, complaints);
    Collections.reverse(dealings);
    Collections.reverse(complaints);
    Transcript b = TranscriptBuilder.build(config, dealings, complaints);
    assertThat(b.toBytes()).isEqualTo(a.toBytes());
    assertThat(a.attributions()).containsExactly(
        new Attribution(Attribution.Kind.UPHELD_COMPLAINT, 0, 5),
        new Attribution(Attribution.Kind.FALSE_COMPLAINT, 6, 2));
  }

  @Test
  void aTranscriptWithTamperedCoefficientsOrAnotherIdFailsVerificationAndReceiversRejectIt() {
    int n = 4;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), 2);
    List<DkgReceiver> receivers = committee.receivers(config);
    List<Dealing> dealings = DkgCommittee.freshDealings(config, rng);
    Transcript good = TranscriptBuilder.build(config, dealings, List.of());
    Transcript tampered = new Transcript(config.dkgId(), 2, n, false, good.dealings(), List.of(),
        good.publicCoefficients().add(dev.subnetsim.chainkey.threshold.PublicCoefficients.of(List.of(G2Point.generator()))));
    assertThatThrownBy(() -> TranscriptBuilder.verify(config, tampered))
        .isInstanceOf(InvalidTranscriptException.class).hasMessageContaining("public coefficients");
    assertThatThrownBy(() -> receivers.get(0).computeKeyShare(tampered))
        .isInstanceOf(InvalidTranscriptException.class);
    DkgConfig other = DkgConfig.fresh("other".getBytes(StandardCharsets.UTF_8), n, committee.publicKeys(), 2);
    assertThatThrownBy(() -> TranscriptBuilder.verify(other, good))
        .isInstanceOf(InvalidTranscriptException.class).hasMessageContaining("another DKG id");
  }

  @Test
  void aReceiverRefusesATranscriptThatIncludesADealingWithABadShareForIt() {
    int n = 4;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), 2);
    List<Dealing> dealings = new ArrayList<>(DkgCommittee.freshDealings(config, rng));
    dealings.set(0, DkgCommittee.withBadShareFor(dealings.get(0), 1));
    Transcript t = TranscriptBuilder.build(config, dealings, List.of()); // complaint withheld
    DkgReceiver victim = committee.receivers(config).get(1);
    assertThatThrownBy(() -> victim.computeKeyShare(t))
        .isInstanceOf(InvalidTranscriptException.class).hasMessageContaining("dealer 0");
  }

  @Test
  void configsRejectOutOfRangeParameters() {
    DkgCommittee committee = new DkgCommittee(4, rng.fork("committee"));
    assertThatThrownBy(() -> DkgConfig.fresh(ID, 4, committee.publicKeys(), 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    assertThatThrownBy(() -> DkgConfig.fresh(new byte[0], 4, committee.publicKeys(), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dkgId");
    List<G1Point> dup = new ArrayList<>(committee.publicKeys());
    dup.set(3, dup.get(0));
    assertThatThrownBy(() -> DkgConfig.fresh(ID, 4, dup, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share an encryption key");
    DkgConfig config = DkgConfig.fresh(ID, 4, committee.publicKeys(), 2);
    assertThatThrownBy(() -> new DkgReceiver(config, 0, committee.keyPairs.get(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registered key");
  }

  @Test
  void aComplaintIsBoundToItsComplainerSoAnotherReceiverCannotReuseIt() {
    int n = 4;
    DkgCommittee committee = new DkgCommittee(n, rng.fork("committee"));
    DkgConfig config = DkgConfig.fresh(ID, n, committee.publicKeys(), 2);
    Dealing bad = DkgCommittee.withBadShareFor(new DkgDealer(config, 0).createDealing(rng.fork("d0")), 1);
    Complaint real = ((ShareOpening.Invalid) committee.receivers(config).get(1).open(bad, rng.fork("c"))).complaint();
    Complaint stolen = new Complaint(0, 2, real.dhKey(), real.proof());
    assertThat(ComplaintVerifier.verify(config, bad, real)).isEqualTo(ComplaintVerdict.UPHELD);
    assertThat(ComplaintVerifier.verify(config, bad, stolen)).isEqualTo(ComplaintVerdict.REJECTED_BAD_PROOF);
    Complaint unknown = new Complaint(0, 9, real.dhKey(), real.proof());
    assertThat(ComplaintVerifier.verify(config, bad, unknown)).isEqualTo(ComplaintVerdict.REJECTED_UNKNOWN_RECEIVER);
  }

  @Test
  void dealersNeedNotBeTheReceivers() {
    // A fresh key dealt by 4 nodes of another subnet to 7 receivers: collection threshold f_d+1 = 2.
    DkgCommittee receiversOnly = new DkgCommittee(7, rng.fork("receivers"));
    DkgConfig config = DkgConfig.fresh(ID, 4, receiversOnly.publicKeys(), 5);
    assertThat(config.collectionThreshold()).isEqualTo(2);
    List<DkgReceiver> receivers = receiversOnly.receivers(config);
    List<Dealing> dealings = DkgCommittee.freshDealings(config, rng);
    Transcript t = TranscriptBuilder.build(config, dealings, DkgCommittee.openAll(receivers, dealings, rng));
    Map<Integer, Scalar> shares = DkgCommittee.keyShares(receivers, t);
    assertThat(signatureVerifies(t, shares, List.of(2, 3, 4, 5, 6))).isTrue();
    assertThatThrownBy(() -> signatureVerifies(t, shares, List.of(0, 1, 2, 3)))
        .isInstanceOf(dev.subnetsim.chainkey.threshold.InsufficientSharesException.class);
  }
}
