package dev.subnetsim.chainkey.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.certification.CertificateVerificationException.Reason;
import dev.subnetsim.chainkey.ic.CanisterIds;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.CombinedSignature;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Certificates signed the way the simulator signs them: the {@link CertificateSigner} is a
 * threshold-BLS combiner over n-f signature shares of a subnet (some Byzantine), and the root
 * subnet's delegation is itself threshold-signed.
 */
class ThresholdCertificationTest {

  private static CertificateSigner combiner(ThresholdKeySet keys, int byzantine, SeededRandom rng) {
    ThresholdBls tbls = ThresholdBls.ic();
    return msg -> {
      Map<Integer, G1Point> shares = new TreeMap<>();
      for (int i = 0; i < keys.n(); i++) {
        byte[] signed = i < byzantine ? "forged".getBytes(StandardCharsets.UTF_8) : msg;
        shares.put(i, tbls.signShare(keys.secretKeyShare(i), signed));
      }
      CombinedSignature c = tbls.combineVerified(keys.publicCoefficients(), msg, shares, rng);
      assertThat(c.invalidIndices()).hasSize(byzantine);
      return c.signature().toBytes();
    };
  }

  @Test
  void thresholdSignedDelegatedCertificateVerifies() throws Exception {
    SeededRandom rng = SeededRandom.fromSeed(13);
    int n = 7;
    int f = Thresholds.faultsTolerated(n);
    ThresholdKeySet root = ThresholdBls.generateKeys(n, Thresholds.high(n), rng.fork("root"));
    ThresholdKeySet subnet = ThresholdBls.generateKeys(n, Thresholds.high(n), rng.fork("subnet"));
    Principal subnetId = Principal.fromBytes(new byte[] {1, 2, 3, 2});
    Principal canister = CanisterIds.fromIndex(5);
    CertificateDelegation delegation = CertificateBuilder.delegation(subnetId, subnet.publicKey().toBytes(),
        List.of(new CanisterRange(CanisterIds.fromIndex(0), CanisterIds.fromIndex(99))), 1L,
        combiner(root, f, rng.fork("root-combine")));
    HashTree state = CertificationFixtures.stateTree(canister, new byte[32], 2L);
    Certificate cert = CertificateBuilder.certify(state, combiner(subnet, f, rng.fork("subnet-combine")), Optional.of(delegation));

    byte[] rootDer = BlsKeyDer.encode(root.publicKey().toBytes());
    CertificateVerifier verifier = CertificateVerifier.jblst();
    verifier.verify(cert.encode(), rootDer, canister);
    assertThatThrownBy(() -> verifier.verify(cert, BlsKeyDer.encode(subnet.publicKey().toBytes()), canister))
        .isInstanceOf(CertificateVerificationException.class)
        .satisfies(e -> assertThat(((CertificateVerificationException) e).reason()).isEqualTo(Reason.INVALID_DELEGATION));
  }
}
