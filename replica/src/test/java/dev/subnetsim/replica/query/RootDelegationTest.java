package dev.subnetsim.replica.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.BlsVerifier;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateVerificationException;
import dev.subnetsim.chainkey.certification.CertificateVerifier;
import dev.subnetsim.chainkey.certification.StateRootMessage;
import dev.subnetsim.chainkey.fuzz.DecoderFuzz;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.state.CertificationCheck;
import dev.subnetsim.replica.state.CertifiedStateTree;
import dev.subnetsim.replica.state.SubnetRegistry;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The root subnet's certificate delegation as replicas exchange it: cut from the root's certified
 * state, kept by a replica of the delegated subnet only if the root signed it and it proves that
 * subnet's key and ranges, and then accepted by an independent certificate verifier for canisters
 * in those ranges only.
 */
class RootDelegationTest {
  private static final long RANGE = 1L << 20;
  private static final SeededRandom RNG = SeededRandom.fromSeed(5);
  private static final ThresholdKeySet ROOT_KEY = ThresholdBls.generateKeys(1, 1, RNG.fork("root"));
  private static final ThresholdKeySet APP_KEY = ThresholdBls.generateKeys(1, 1, RNG.fork("app"));
  private static final ThresholdKeySet SIGNING_KEY =
      ThresholdBls.generateKeys(1, 1, RNG.fork("signing"));
  private static final SubnetRegistry REGISTRY = new SubnetRegistry("root", Map.of(
      "root", SubnetRegistry.entry(ROOT_KEY.publicKey().toBytes(), 0, RANGE),
      "app", SubnetRegistry.entry(APP_KEY.publicKey().toBytes(), RANGE, RANGE),
      "signing", SubnetRegistry.entry(SIGNING_KEY.publicKey().toBytes(), 2 * RANGE, RANGE)));
  private static final CertificationCheck CHECK = (subnet, root, signature) -> BlsVerifier.jblst()
      .verify(REGISTRY.entry(subnet).orElseThrow().publicKey96(), StateRootMessage.of(root),
          signature);

  /** A subnet's state at some height with every subnet published under /subnet, certified. */
  private static CertifiedState certified(ThresholdKeySet key, long height) {
    var tree = new CertifiedStateTree(height * 1_000_000_000L, Map.of(), Map.of(),
        REGISTRY.entries()).build();
    byte[] sig = ThresholdBls.ic().signShare(key.secretKeyShares().get(0),
        StateRootMessage.of(tree.digest())).toBytes();
    return new CertifiedState(height, tree, sig);
  }

  private static RootDelegation appReplica() {
    return new RootDelegation(REGISTRY.entry("app").orElseThrow(), REGISTRY,
        List.of(new NodeId(0), new NodeId(1), new NodeId(2)), CHECK, 1);
  }

  private static Principal canister(long index) {
    return Principal.fromBytes(new CanisterId(index).toBytes());
  }

  @Test
  void aDelegationCutFromTheRootStateIsKeptAndMakesTheSubnetsCertificatesVerifyUnderTheRootKey()
      throws Exception {
    RootDelegation d = appReplica();
    assertThat(d.accept(RootDelegation.issue(certified(ROOT_KEY, 7),
        REGISTRY.entry("app").orElseThrow()))).isNull();
    assertThat(d.held()).isPresent();
    Certificate appCert = certified(APP_KEY, 9).certificate(List.of(List.of(
        "time".getBytes(StandardCharsets.UTF_8))), d.held());
    byte[] rootDer = REGISTRY.rootKeyDer().orElseThrow();

    CertificateVerifier.jblst().verify(appCert, rootDer, canister(RANGE + 6));

    assertThatThrownBy(() -> CertificateVerifier.jblst().verify(appCert, rootDer, canister(6)))
        .isInstanceOf(CertificateVerificationException.class)
        .hasMessageContaining("outside the ranges");
    Certificate undelegated = new Certificate(appCert.tree(), appCert.signature(),
        Optional.empty());
    assertThatThrownBy(() -> CertificateVerifier.jblst().verify(undelegated, rootDer,
        canister(RANGE + 6))).isInstanceOf(CertificateVerificationException.class);
  }

  @Test
  void aDelegationNotSignedByTheRootOrProvingAnotherSubnetIsRefusedWithItsReason() {
    RootDelegation d = appReplica();
    assertThat(d.accept(RootDelegation.issue(certified(SIGNING_KEY, 7),
        REGISTRY.entry("app").orElseThrow()))).contains("not signed by the root subnet");
    assertThat(d.accept(RootDelegation.issue(certified(ROOT_KEY, 7),
        REGISTRY.entry("signing").orElseThrow())))
        .contains("does not prove this subnet's public key");
    assertThat(d.accept(new byte[] {1, 2, 3})).startsWith("malformed delegation certificate");
    assertThat(d.held()).isEmpty();
  }

  @Test
  void aReplicaAsksTheRootNodesInTurnSoThatOneSilentRootNodeOnlyDelaysIt() {
    RootDelegation d = appReplica();
    assertThat(List.of(d.nextTarget().orElseThrow(), d.nextTarget().orElseThrow(),
        d.nextTarget().orElseThrow(), d.nextTarget().orElseThrow()))
        .containsExactly(new NodeId(1), new NodeId(2), new NodeId(0), new NodeId(1));
  }

  @Test
  void theRegistryPublishesEachSubnetsKeyAndRangeAndNamesTheRoot() {
    assertThat(REGISTRY.rootKeyDer()).hasValueSatisfying(der ->
        assertThat(der).isEqualTo(BlsKeyDer.encode(ROOT_KEY.publicKey().toBytes())));
    assertThat(REGISTRY.subnetNamed(REGISTRY.entry("app").orElseThrow().id())).contains("app");
    assertThat(SubnetRegistry.none("solo").rootKeyDer()).isEmpty();
    assertThatThrownBy(() -> new SubnetRegistry("nns", REGISTRY.subnets()))
        .hasMessageContaining("not in the registry");
  }

  /** A root node's answer is peer bytes: fuzzed answers are kept or refused, never thrown. */
  @Test
  void aFuzzedDelegationAnswerIsKeptOrRefusedButNeverThrows() {
    byte[] valid = RootDelegation.issue(certified(ROOT_KEY, 7), REGISTRY.entry("app").orElseThrow());
    var outcome = DecoderFuzz.assertTotal("RootDelegation.accept", 1821, List.of(valid),
        Refused.class, b -> {
          String refused = appReplica().accept(b);
          if (refused != null) {
            throw new Refused();
          }
          return b;
        });
    assertThat(outcome.rejected()).isPositive();
  }

  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
  }
}
