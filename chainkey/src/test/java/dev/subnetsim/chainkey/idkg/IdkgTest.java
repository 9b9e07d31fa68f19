package dev.subnetsim.chainkey.idkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * IDKG (eprint 2022/506): all five transcript kinds, public dealing verification with attribution,
 * complaints and openings, and composition into an ECDSA presignature. Reconstructions happen only
 * here, in tests, to check the algebra; the protocol code never reconstructs a secret.
 */
class IdkgTest {

  /** Test-only: the secret a transcript shares, from threshold openings. */
  static EcScalar reconstruct(IdkgRound.Result r, int threshold) {
    Map<Integer, EcScalar> shares = new TreeMap<>();
    r.openings().entrySet().stream().limit(threshold)
        .forEach(e -> shares.put(e.getKey(), e.getValue().value()));
    return EcLagrange.interpolateScalars(r.openings().get(r.openings().firstKey()).value().curve(), shares);
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void randomTranscriptsGiveEveryReceiverAnOpeningOfOneSharedSecret(EcCurve curve) {
    IdkgTestCommittee c = new IdkgTestCommittee(curve, 4, 1);
    IdkgRound.Result unmasked = c.random("k", false);
    assertThat(unmasked.built().transcript().commitment()).isInstanceOf(PolynomialCommitment.Simple.class);
    assertThat(unmasked.openings()).hasSize(4);
    assertThat(EcPoint.mulGenerator(reconstruct(unmasked, c.threshold)))
        .isEqualTo(unmasked.built().transcript().commitment().constantTerm());
    IdkgRound.Result masked = c.random("l", true);
    assertThat(masked.built().transcript().commitment()).isInstanceOf(PolynomialCommitment.Pedersen.class);
    masked.openings().forEach((i, o) ->
        assertThat(o.opens(masked.built().transcript().commitment(), i)).isTrue());
  }

  @ParameterizedTest
  @EnumSource(value = EcCurve.class, names = {"SECP256K1", "P256"})
  void resharingAndProductsPreserveTheSecretsAlgebra(EcCurve curve) {
    IdkgTestCommittee c = new IdkgTestCommittee(curve, 7, 2);
    IdkgRound.Result lambda = c.random("lambda", true);
    IdkgRound.Result kappaMasked = c.random("kappa-masked", true);
    IdkgRound.Result kappa = c.reshare("kappa", kappaMasked);
    assertThat(kappa.built().transcript().kind()).isEqualTo(TranscriptKind.RESHARE_OF_MASKED);
    assertThat(reconstruct(kappa, c.threshold)).isEqualTo(reconstruct(kappaMasked, c.threshold));
    IdkgRound.Result key = c.random("key", false);
    IdkgRound.Result keyAgain = c.reshare("key-again", key);
    assertThat(keyAgain.built().transcript().commitment().constantTerm())
        .isEqualTo(key.built().transcript().commitment().constantTerm());
    IdkgRound.Result kappaLambda = c.product("kappa-lambda", kappa, lambda);
    IdkgRound.Result keyLambda = c.product("key-lambda", key, lambda);
    EcScalar l = reconstruct(lambda, c.threshold);
    assertThat(reconstruct(kappaLambda, c.threshold)).isEqualTo(reconstruct(kappa, c.threshold).mul(l));
    assertThat(reconstruct(keyLambda, c.threshold)).isEqualTo(reconstruct(key, c.threshold).mul(l));
  }

  @Test
  void aDealingWithAWrongConstantOrAForgedProofIsRejectedAndAttributed() {
    IdkgTestCommittee c = new IdkgTestCommittee(EcCurve.SECP256K1, 4, 3);
    IdkgRound.Result key = c.random("key", false);
    IdkgParams reshare = IdkgParams.reshare("r", key.built().transcript(), c.all(), c.publicKeys(),
        c.threshold);
    IdkgRound.Result r = IdkgRound.run(reshare, d -> List.of(key.openings().get(d)), c.keys::get,
        c.rng.fork("r"), d -> d.dealer() != 2 ? d : IdkgDealer.deal(reshare, 2,
            List.of(new CommitmentOpening.Simple(EcScalar.of(EcCurve.SECP256K1, 42))), c.rng));
    assertThat(r.rejectedDealings()).singleElement().satisfies(e -> {
      assertThat(e.dealer()).isEqualTo(2);
      assertThat(e.getMessage()).contains("constant term is not the dealer's public share");
    });
    assertThat(r.built().transcript().commitment().constantTerm())
        .isEqualTo(key.built().transcript().commitment().constantTerm());

    IdkgRound.Result lambda = c.random("lambda", true);
    IdkgParams product = IdkgParams.product("p", key.built().transcript(),
        lambda.built().transcript(), c.all(), c.publicKeys(), c.threshold);
    IdkgDealing honest = IdkgDealer.deal(product, 1, List.of(key.openings().get(1),
        lambda.openings().get(1)), c.rng.fork("h"));
    IdkgDealing wrong = IdkgDealer.deal(product, 1, List.of(new CommitmentOpening.Simple(
        EcScalar.of(EcCurve.SECP256K1, 7)), lambda.openings().get(1)), c.rng.fork("w"));
    IdkgDealing forged = new IdkgDealing(wrong.transcriptId(), 1, wrong.commitment(),
        wrong.ephemeral(), wrong.ciphertexts(), honest.proof());
    assertThatThrownBy(() -> IdkgDealingVerifier.verify(product, forged))
        .isInstanceOf(InvalidDealingException.class).hasMessageContaining("dealer 1")
        .hasMessageContaining("product proof");
  }

  @Test
  void aReceiverWithABadCiphertextComplainsValidlyAndRecoversItsShareFromOpenings() {
    IdkgTestCommittee c = new IdkgTestCommittee(EcCurve.P256, 4, 4);
    IdkgParams p = IdkgParams.random("x", EcCurve.P256, c.all(), c.publicKeys(), c.threshold, true);
    UnaryOperator<IdkgDealing> corruptForReceiver3 = d -> {
      if (d.dealer() != 0) {
        return d;
      }
      TreeMap<Integer, EcScalar[]> cts = new TreeMap<>(d.ciphertexts());
      EcScalar[] bad = cts.get(3).clone();
      bad[0] = bad[0].add(EcScalar.one(EcCurve.P256));
      cts.put(3, bad);
      return new IdkgDealing(d.transcriptId(), 0, d.commitment(), d.ephemeral(), cts, d.proof());
    };
    IdkgRound.Result r = IdkgRound.run(p, d -> List.of(), c.keys::get, c.rng.fork("x"),
        corruptForReceiver3);
    assertThat(r.rejectedDealings()).isEmpty(); // the defect is private: only receiver 3 sees it
    assertThat(r.complainers()).containsExactly(3);
    assertThat(r.openings().get(3).opens(r.built().transcript().commitment(), 3)).isTrue();
  }

  @Test
  void aFalseComplaintIsInvalid() {
    IdkgTestCommittee c = new IdkgTestCommittee(EcCurve.SECP256K1, 4, 5);
    IdkgParams p = IdkgParams.random("x", EcCurve.SECP256K1, c.all(), c.publicKeys(), c.threshold, false);
    IdkgDealing d = IdkgDealer.deal(p, 0, List.of(), c.rng.fork("d"));
    IdkgComplaint honestButFalse = IdkgReceiver.complain(p, d, 2, c.keys.get(2), c.rng);
    assertThat(honestButFalse.isValid(p, d)).isFalse(); // its share decrypts fine
    IdkgComplaint forgedKey = IdkgReceiver.complain(p, d, 2, c.keys.get(1), c.rng);
    assertThat(forgedKey.isValid(p, d)).isFalse(); // the DLEQ proof does not match node 2's key
  }

  @Test
  void aKeyResharedToAnotherCommitteeKeepsItsPublicKeyAndOldAndNewSharesDoNotMix() {
    IdkgTestCommittee backup = new IdkgTestCommittee(EcCurve.SECP256K1, 4, 6);
    IdkgTestCommittee signing = new IdkgTestCommittee(EcCurve.SECP256K1, 7, 7);
    IdkgRound.Result key = backup.random("master", false);
    // One Byzantine dealer on the source side sends a wrong constant; one target receiver gets a
    // corrupted ciphertext (it complains and recovers).
    IdkgParams p = IdkgParams.reshare("to-signing", key.built().transcript(), backup.all(),
        signing.publicKeys(), signing.threshold);
    IdkgRound.Result moved = IdkgRound.run(p, d -> d == 3
            ? List.of(new CommitmentOpening.Simple(EcScalar.of(EcCurve.SECP256K1, 5)))
            : List.of(key.openings().get(d)), signing.keys::get, signing.rng.fork("m"),
        d -> {
          if (d.dealer() != 0) {
            return d;
          }
          TreeMap<Integer, EcScalar[]> cts = new TreeMap<>(d.ciphertexts());
          EcScalar[] bad = cts.get(6).clone();
          bad[0] = bad[0].add(EcScalar.one(EcCurve.SECP256K1));
          cts.put(6, bad);
          return new IdkgDealing(d.transcriptId(), 0, d.commitment(), d.ephemeral(), cts, d.proof());
        });
    assertThat(moved.rejectedDealings()).extracting(InvalidDealingException::dealer).containsExactly(3);
    assertThat(moved.complainers()).containsExactly(6);
    EcPoint pk = key.built().transcript().commitment().constantTerm();
    assertThat(moved.built().transcript().commitment().constantTerm()).isEqualTo(pk);
    assertThat(moved.built().transcript().threshold()).isEqualTo(3);
    assertThat(EcPoint.mulGenerator(reconstruct(moved, signing.threshold))).isEqualTo(pk);
    // Old share of backup node 0 with new shares of signing nodes 1 and 2: a wrong key.
    Map<Integer, EcScalar> mixed = new TreeMap<>();
    mixed.put(0, key.openings().get(0).value());
    mixed.put(1, moved.openings().get(1).value());
    mixed.put(2, moved.openings().get(2).value());
    assertThat(EcPoint.mulGenerator(EcLagrange.interpolateScalars(EcCurve.SECP256K1, mixed)))
        .isNotEqualTo(pk);
  }

  @Test
  void dealingsSurviveTheirByteFormAndMalformedBytesAreNamed() {
    IdkgTestCommittee c = new IdkgTestCommittee(EcCurve.SECP256K1, 4, 8);
    IdkgRound.Result kappa = c.random("kappa", true);
    IdkgParams p = IdkgParams.reshare("k2", kappa.built().transcript(), c.all(), c.publicKeys(), c.threshold);
    IdkgDealing d = IdkgDealer.deal(p, 1, List.of(kappa.openings().get(1)), c.rng);
    IdkgDealing back = IdkgDealing.fromBytes(p.kind(), p.curve(), d.toBytes());
    assertThat(back.toBytes()).isEqualTo(d.toBytes());
    assertThat(back.proof()).isPresent();
    byte[] truncated = java.util.Arrays.copyOf(d.toBytes(), 40);
    assertThatThrownBy(() -> IdkgDealing.fromBytes(p.kind(), p.curve(), truncated))
        .isInstanceOf(MalformedIdkgBytesException.class);
    assertThatThrownBy(() -> IdkgDealing.fromBytes(TranscriptKind.RANDOM, p.curve(), d.toBytes()))
        .isInstanceOf(MalformedIdkgBytesException.class).hasMessageContaining("commitment type");
  }
}
