package dev.subnetsim.chainkey.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.CanisterSignatureArtifact;
import dev.subnetsim.chainkey.artifacts.CertificateArtifact;
import dev.subnetsim.chainkey.artifacts.ChainKeyArtifact;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.CanisterSignatureIssuer;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateBuilder;
import dev.subnetsim.chainkey.certification.CertificateDelegation;
import dev.subnetsim.chainkey.certification.CertificateSigner;
import dev.subnetsim.chainkey.certification.CertificationFixtures;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.CombinedSignature;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Certificates and canister signatures of the Java code (chainkey.certification) verified by
 * agent-js 3.4.3: {@code Certificate.create} for certificates with and without a delegation, and
 * the interface spec's canister-signature check composed from agent-js exports. Covers the
 * CertificationFixtures and certificates whose signatures come from the threshold combiner with
 * Byzantine shares (root and subnet keys both threshold keys). Tampered copies are rejected.
 */
class CertificationInteropTest {

  private static ArtifactOrigin origin(String what) {
    return new ArtifactOrigin("certification", 1, what);
  }

  @Test
  void certificationFixturesVerifyWithAgentJs() {
    List<ChainKeyArtifact> all = new ArrayList<>();
    for (long seed : List.of(1L, 2L, 3L)) {
      all.addAll(CertificationFixtures.artifacts(CertificationFixtures.fromSeed(seed)));
    }
    NodeHarness.Verification v = NodeHarness.locate().verify(all);
    assertThat(v.allOk()).as(v.output()).isTrue();
    assertThat(v.lines()).extracting(NodeHarness.LineResult::kind)
        .contains("certificate", "canister_signature");
    assertThat(v.output()).contains("(delegated)");
  }

  @Test
  void tamperedCertificatesAndCanisterSignaturesAreRejectedByAgentJs() {
    CertificationFixtures.Fixture fx = CertificationFixtures.fromSeed(4);
    Certificate root = fx.rootCertificate();
    Certificate delegated = fx.delegatedCertificate();
    byte[] otherRootDer = CertificationFixtures.fromSeed(5).rootKeyDer();
    List<ChainKeyArtifact> tampered = List.of(
        // one bit of the BLS signature flipped
        new CertificateArtifact(origin("flipped"), Bytes.of(fx.rootKeyDer()),
            Bytes.of(new Certificate(root.tree(), Tamper.flipBit(root.signature(), 30, 1), root.delegation()).encode()),
            Optional.empty()),
        // another root key
        new CertificateArtifact(origin("wrong-root"), Bytes.of(otherRootDer), Bytes.of(root.encode()), Optional.empty()),
        // delegated certificate checked for a canister outside the delegated ranges
        new CertificateArtifact(origin("outside-ranges"), Bytes.of(fx.rootKeyDer()), Bytes.of(delegated.encode()),
            Optional.of(fx.canisterOutsideRanges().toText())),
        // the subnet's signature presented without its delegation (root key does not sign it)
        new CertificateArtifact(origin("delegation-stripped"), Bytes.of(fx.rootKeyDer()),
            Bytes.of(new Certificate(delegated.tree(), delegated.signature(), Optional.empty()).encode()),
            Optional.empty()),
        // canister signature: another message, another seed, another root key
        new CanisterSignatureArtifact(origin("sig-wrong-message"), Bytes.of(fx.canisterSigPublicKeyDer()),
            Bytes.of("not the delegation".getBytes(StandardCharsets.UTF_8)), Bytes.of(fx.canisterSignature()), Bytes.of(fx.rootKeyDer())),
        new CanisterSignatureArtifact(origin("sig-wrong-seed"),
            Bytes.of(fx.issuer().publicKey("another seed".getBytes(StandardCharsets.UTF_8)).toDer()),
            Bytes.of(fx.canisterSigMessage()), Bytes.of(fx.canisterSignature()), Bytes.of(fx.rootKeyDer())),
        new CanisterSignatureArtifact(origin("sig-wrong-root"), Bytes.of(fx.canisterSigPublicKeyDer()),
            Bytes.of(fx.canisterSigMessage()), Bytes.of(fx.canisterSignature()), Bytes.of(otherRootDer)));
    NodeHarness.Verification v = NodeHarness.locate().verify(tampered);
    assertThat(v.lines()).as(v.output()).hasSize(tampered.size()).noneMatch(NodeHarness.LineResult::ok);
  }

  @Test
  void certificatesSignedByTheThresholdCombinerWithByzantineSharesVerifyWithAgentJs() {
    SeededRandom rng = SeededRandom.fromSeed(77);
    ThresholdBls tbls = ThresholdBls.ic();
    int rootN = 13;
    int subnetN = 7;
    ThresholdKeySet rootKeys = ThresholdBls.generateKeys(rootN, Thresholds.high(rootN), rng.fork("root"));
    ThresholdKeySet subnetKeys = ThresholdBls.generateKeys(subnetN, Thresholds.high(subnetN), rng.fork("subnet"));
    CertificateSigner rootSigner = thresholdSigner(tbls, rootKeys, rng.fork("root-sign"));
    CertificateSigner subnetSigner = thresholdSigner(tbls, subnetKeys, rng.fork("subnet-sign"));
    byte[] rootDer = BlsKeyDer.encode(rootKeys.publicKey().toBytes());

    CertificationFixtures.Fixture fx = CertificationFixtures.fromSeed(6);
    Principal canister = fx.canisterId();
    CanisterSignatureIssuer issuer = new CanisterSignatureIssuer(canister);
    byte[] seed = "user 1".getBytes(StandardCharsets.UTF_8);
    byte[] message = "sign in at height 12".getBytes(StandardCharsets.UTF_8);
    issuer.add(seed, message);
    HashTree state = CertificationFixtures.stateTree(canister, issuer.certifiedData(), CertificationFixtures.TIME_NANOS);

    Certificate rootCert = CertificateBuilder.certify(state, rootSigner, Optional.empty());
    CertificateDelegation delegation = CertificateBuilder.delegation(fx.subnetId(),
        subnetKeys.publicKey().toBytes(), fx.ranges(), CertificationFixtures.TIME_NANOS, rootSigner);
    Certificate subnetCert = CertificateBuilder.certify(state, subnetSigner, Optional.of(delegation));

    List<ChainKeyArtifact> artifacts = List.of(
        new CertificateArtifact(origin("threshold-root"), Bytes.of(rootDer), Bytes.of(rootCert.encode()), Optional.empty()),
        new CertificateArtifact(origin("threshold-delegated"), Bytes.of(rootDer), Bytes.of(subnetCert.encode()),
            Optional.of(canister.toText())),
        new CanisterSignatureArtifact(origin("threshold-canister-sig"), Bytes.of(issuer.publicKey(seed).toDer()),
            Bytes.of(message), Bytes.of(issuer.signature(subnetCert.encode(), seed, message)), Bytes.of(rootDer)));
    NodeHarness.Verification v = NodeHarness.locate().verify(artifacts);
    assertThat(v.allOk()).as(v.output()).isTrue();
  }

  /** Certifies with the n-f threshold key; the f lowest-index nodes send shares of another message. */
  private static CertificateSigner thresholdSigner(ThresholdBls tbls, ThresholdKeySet keys, SeededRandom rng) {
    int f = Thresholds.faultsTolerated(keys.n());
    return msg -> {
      Map<Integer, G1Point> shares = new TreeMap<>();
      for (int i = 0; i < keys.n(); i++) {
        byte[] signed = i < f ? "byzantine".getBytes(StandardCharsets.UTF_8) : msg;
        shares.put(i, tbls.signShare(keys.secretKeyShare(i), signed));
      }
      CombinedSignature combined = tbls.combineVerified(keys.publicCoefficients(), msg, shares, rng);
      assertThat(combined.invalidIndices()).hasSize(f);
      return combined.signature().toBytes();
    };
  }
}
