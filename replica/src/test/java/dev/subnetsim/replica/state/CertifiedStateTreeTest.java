package dev.subnetsim.replica.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.CertificateArtifact;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.CanisterRange;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateBuilder;
import dev.subnetsim.chainkey.certification.CertificateVerifier;
import dev.subnetsim.chainkey.certification.LookupResult;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.interop.NodeHarness;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.threshold.Thresholds;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CertifiedStateTreeTest {

  private static final CanisterId KV = new CanisterId(5);
  private static final byte[] REQUEST = new byte[32];

  /** A 7-node subnet whose certificates are combined from n-f threshold signature shares. */
  private static byte[] thresholdSign(ThresholdKeySet keys, byte[] message) {
    ThresholdBls bls = ThresholdBls.ic();
    Map<Integer, G1Point> shares = new TreeMap<>();
    for (int i = 0; i < keys.n(); i++) {
      shares.put(i, bls.signShare(keys.secretKeyShare(i), message));
    }
    return bls.combine(keys.threshold(), shares).toBytes();
  }

  private static CertifiedStateTree tree(ThresholdKeySet keys) {
    Principal subnet = Principal.fromBytes(new byte[] {1, 2, 3});
    return new CertifiedStateTree(1_700_000_000_000_000_000L,
        Map.of(KV, "hello".getBytes(StandardCharsets.UTF_8)),
        Map.of(REQUEST, RequestStatus.replied(new byte[] {0x44, 0x49, 0x44, 0x4c})),
        List.of(new CertifiedStateTree.SubnetEntry(subnet, keys.publicKey().toBytes(),
            List.of(new CanisterRange(Principal.fromBytes(new CanisterId(0).toBytes()),
                Principal.fromBytes(new CanisterId(99).toBytes()))))));
  }

  @Test
  void thresholdCertifiedStateVerifiesAndAnswersLookups() throws Exception {
    ThresholdKeySet keys = ThresholdBls.generateKeys(7, Thresholds.high(7), SeededRandom.fromSeed(3));
    Certificate cert = CertificateBuilder.certify(tree(keys).build(),
        m -> thresholdSign(keys, m), Optional.empty());
    byte[] rootKeyDer = BlsKeyDer.encode(keys.publicKey().toBytes());
    CertificateVerifier.jblst().verify(cert, rootKeyDer, Principal.fromBytes(KV.toBytes()));
    assertThat(cert.tree().lookup(List.of("canister".getBytes(StandardCharsets.UTF_8), KV.toBytes(),
        "certified_data".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(LookupResult.Found.class,
            f -> assertThat(f.value()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(cert.time()).hasValue(1_700_000_000_000_000_000L);

    NodeHarness.Verification v = NodeHarness.locate().verify(List.of(new CertificateArtifact(
        new ArtifactOrigin("root", 1, "subnet-high-threshold"), Bytes.of(rootKeyDer),
        Bytes.of(cert.encode()), Optional.empty())));
    assertThat(v.allOk()).as(v.output()).isTrue();
  }

  @Test
  void anyChangeOfCertifiedDataChangesTheRootHash() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(4, 3, SeededRandom.fromSeed(4));
    byte[] root = tree(keys).rootHash();
    CertifiedStateTree other = new CertifiedStateTree(1_700_000_000_000_000_000L,
        Map.of(KV, "hellO".getBytes(StandardCharsets.UTF_8)),
        Map.of(REQUEST, RequestStatus.replied(new byte[] {0x44, 0x49, 0x44, 0x4c})), List.of());
    assertThat(other.rootHash()).isNotEqualTo(root);
  }
}
