package dev.subnetsim.chainkey.certification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.CanisterSignatureArtifact;
import dev.subnetsim.chainkey.artifacts.CertificateArtifact;
import dev.subnetsim.chainkey.artifacts.ChainKeyArtifact;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.interop.NodeHarness;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The certification formats as real IC clients read them: certificates (with and without a
 * delegation) through @dfinity/agent 3.4.3 {@code Certificate.create}, and canister signatures
 * composed from agent-js exports as the interface spec describes (the Node harness's checks).
 * The Java verifier's negatives are mirrored: agent-js rejects them too.
 */
class CertificationAgentJsTest {

  private static ArtifactOrigin origin(String what) {
    return new ArtifactOrigin("certification-fixtures", 1, what);
  }

  @Test
  void agentJsAcceptsOurCertificatesAndCanisterSignaturesAndRejectsTamperedOnes() throws Exception {
    CertificationFixtures.Fixture fx = CertificationFixtures.fromSeed(2026);
    List<ChainKeyArtifact> good = CertificationFixtures.artifacts(fx);
    assertThat(good).hasSize(4);

    byte[] otherMessage = fx.canisterSigMessage().clone();
    otherMessage[otherMessage.length - 1] ^= 1;
    List<ChainKeyArtifact> bad = List.of(
        new CertificateArtifact(origin("outside-ranges"), Bytes.of(fx.rootKeyDer()), Bytes.of(fx.delegatedCertificate().encode()),
            Optional.of(fx.canisterOutsideRanges().toText())),
        new CertificateArtifact(origin("wrong-root-key"), Bytes.of(CertificationFixtures.fromSeed(1).rootKeyDer()),
            Bytes.of(fx.rootCertificate().encode()), Optional.empty()),
        new CanisterSignatureArtifact(origin("cansig-wrong-message"), Bytes.of(fx.canisterSigPublicKeyDer()),
            Bytes.of(otherMessage), Bytes.of(fx.canisterSignature()), Bytes.of(fx.rootKeyDer())));

    CertificateVerifier java = CertificateVerifier.jblst();
    assertThat(java.verify(fx.delegatedCertificate().encode(), fx.rootKeyDer(), fx.canisterId())).isNotNull();

    NodeHarness.Verification ok = NodeHarness.locate().verify(good);
    assertThat(ok.allOk()).as(ok.output()).isTrue();
    NodeHarness.Verification rejected = NodeHarness.locate().verify(bad);
    assertThat(rejected.lines()).hasSize(bad.size()).as(rejected.output()).noneMatch(NodeHarness.LineResult::ok);
  }
}
