package dev.subnetsim.scenarios.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls.BlsSignatures;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls.KeyPair;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real BLS12-381 signatures (jblst) through the validity checker. */
class SignatureValidityCheckerTest {
  private static final SubnetId APP = new SubnetId("app");
  private static final NodeId N0 = new NodeId(0);
  private static final BlsSignatures BASIC = JblstBlsSignatures.basic();
  private static final BlsSignatures MULTI = JblstBlsSignatures.icMultiSignature();
  private static final KeyPair KEY = BASIC.generateKeyPair(SeededRandom.fromSeed(7).fork("key"));
  private static final byte[] MSG = "state root 42".getBytes(StandardCharsets.UTF_8);

  private static Observation.CombinedSignature sig(String kind, BlsSignatures scheme, byte[] msg) {
    return new Observation.CombinedSignature(APP, kind, 42, Bytes.of(KEY.publicKey().toBytes()),
        Bytes.of(MSG), Bytes.of(scheme.sign(KEY.secretKey(), msg).toBytes()));
  }

  private final SignatureValidityChecker checker =
      SignatureValidityChecker.icConsensus(FaultSchedule.none(),
          SignatureValidityChecker.ExpectedKeys.unknown());

  @Test
  void validThresholdAndMultiSignaturesPass() {
    assertThat(checker.onObservation(1, N0, sig("certification", BASIC, MSG))).isEmpty();
    assertThat(checker.onObservation(1, N0, sig("finalization", MULTI, MSG))).isEmpty();
  }

  @Test
  void aSignatureOnAnotherMessageIsAViolationNamingTheHolder() {
    byte[] other = "state root 43".getBytes(StandardCharsets.UTF_8);
    List<Violation> v = checker.onObservation(1, N0, sig("certification", BASIC, other));

    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.invariant()).isEqualTo("signatures-valid");
      assertThat(x.detail()).contains("certification of app at height 42 held by node-0",
          "does not verify");
    });
  }

  @Test
  void aSignatureUnderTheWrongDomainSeparatorDoesNotVerify() {
    assertThat(checker.onObservation(1, N0, sig("finalization", BASIC, MSG))).hasSize(1);
    assertThat(checker.onObservation(1, N0, sig("random-beacon", MULTI, MSG))).hasSize(1);
  }

  @Test
  void aKindWithoutAVerifierIsReportedRatherThanSkipped() {
    assertThat(checker.onObservation(1, N0, sig("ecdsa", BASIC, MSG))).singleElement()
        .satisfies(x -> assertThat(x.detail()).contains("no verifier for kind 'ecdsa'"));
  }

  @Test
  void aValidSignatureUnderAKeyOtherThanTheSubnetsIsAViolation() {
    KeyPair subnetKey = BASIC.generateKeyPair(SeededRandom.fromSeed(8).fork("key"));
    SignatureValidityChecker strict = SignatureValidityChecker.icConsensus(FaultSchedule.none(),
        s -> Optional.of(subnetKey.publicKey().toBytes()));

    assertThat(strict.onObservation(1, N0, sig("certification", BASIC, MSG))).singleElement()
        .satisfies(x -> assertThat(x.detail()).contains("but the subnet's key is"));
  }

  @Test
  void byzantineReplicasClaimsAreNotChecked() {
    SignatureValidityChecker c = SignatureValidityChecker.icConsensus(
        new FaultSchedule(List.of(), Set.of(N0)), SignatureValidityChecker.ExpectedKeys.unknown());
    assertThat(c.onObservation(1, N0, sig("certification", BASIC, new byte[] {1}))).isEmpty();
  }
}
