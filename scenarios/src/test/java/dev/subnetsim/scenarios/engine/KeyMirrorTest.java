package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.chainkey.reshare.InstalledChainKeys;
import dev.subnetsim.replica.chainkey.reshare.KeyGeneration;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a cluster member reports of its replicas' keys is enough for another JVM to see what they
 * hold: installed keys derive from the reported dealings (a reshare target's only once its
 * source's generated keys are there, which is why the driver forwards them), and secret shares
 * are reported when they change, once.
 */
class KeyMirrorTest {
  private static final String YAML = """
      name: mirror
      seed: 6
      duration: 6s
      subnets:
        - {name: root, role: root, nodes: 4}
        - {name: signing, role: signing, nodes: 4}
        - {name: app, role: app, nodes: 4}
      consensus: {crypto: cheap}
      workload:
        requests:
          - {kind: sign-with-ecdsa, rate: 1/s, from: app}
      faults:
        - {at: 1s, kind: reshare, from: root, to: signing, keys: [ecdsa]}
      invariants: [no-master-secret]
      """;
  private static final SubnetId ROOT = new SubnetId("root");
  private static final SubnetId SIGNING = new SubnetId("signing");
  private static ScenarioSpec spec;
  /** The factory of a whole run in one JVM, after it. */
  private static ConsensusReplicaFactory ran;

  @BeforeAll
  static void runInOneJvm() {
    spec = ScenarioParser.parse("mirror.yaml", YAML);
    ConsensusReplicaFactory[] seen = new ConsensusReplicaFactory[1];
    ScenarioRunner.run(spec, new ScenarioRunner.Options(spec.seed(), 2, null, "test"), f -> {
      seen[0] = (ConsensusReplicaFactory) f;
      return f;
    });
    ran = seen[0];
  }

  private static InstalledChainKeys.Install installed(SubnetId s) {
    return ran.execution(s).installedDealings().orElseThrow(
        () -> new AssertionError(s + " installed no keys in the run"));
  }

  /** A factory of the same run whose replicas never ran: a member or the driver. */
  private static ScenarioRunner.Hosted fresh() {
    return ScenarioRunner.hostedReplicas(spec, spec.seed());
  }

  @Test
  void theRootGeneratedItsKeysAndTheSigningSubnetReceivedThem() {
    assertThat(installed(ROOT).reshare()).isEqualTo(KeyGeneration.INSTANCE);
    assertThat(installed(SIGNING).reshare()).isNotEqualTo(KeyGeneration.INSTANCE);
  }

  @Test
  void aMirrorDerivesTheKeysTheReplicasInstalledFromTheReportedDealings() {
    ConsensusReplicaFactory driver = (ConsensusReplicaFactory) fresh().factory();
    KeyMirror mirror = new KeyMirror(driver);
    assertThat(driver.execution(ROOT).holderKeys()).isEmpty();

    mirror.apply(new NodeId(0), new KeyReport(Optional.empty(), Optional.empty(), List.of(
        new KeyReport.Installed("root", installed(ROOT)),
        new KeyReport.Installed("signing", installed(SIGNING)))));

    assertThat(driver.execution(ROOT).holderKeys().orElseThrow().signing().ecdsaKeys())
        .isEqualTo(ran.execution(ROOT).holderKeys().orElseThrow().signing().ecdsaKeys());
    assertThat(driver.execution(SIGNING).installedKeys().orElseThrow().reshare())
        .isEqualTo(installed(SIGNING).reshare());
  }

  @Test
  void generatedKeysAreForwardedToEachReplicaOnceAndNotReshares() {
    KeyMirror mirror = new KeyMirror((ConsensusReplicaFactory) fresh().factory());
    NodeId a = new NodeId(1);
    assertThat(mirror.toForward(a)).isEmpty();

    mirror.apply(new NodeId(0), new KeyReport(Optional.empty(), Optional.empty(), List.of(
        new KeyReport.Installed("root", installed(ROOT)),
        new KeyReport.Installed("signing", installed(SIGNING)))));

    assertThat(mirror.toForward(a)).extracting(KeyReport.Installed::subnet)
        .containsExactly("root");
    assertThat(mirror.toForward(a)).isEmpty();
    assertThat(mirror.toForward(new NodeId(2))).hasSize(1);
  }

  @Test
  void aMemberWithoutTheSourcesKeysCannotDeriveAReshareUntilItAdoptsThem() {
    ScenarioRunner.Hosted member = fresh();
    ConsensusReplicaFactory f = (ConsensusReplicaFactory) member.factory();
    assertThatThrownBy(() -> f.execution(SIGNING).adoptInstalled(installed(SIGNING)))
        .hasMessageContaining("root");

    member.keys().adopt(List.of(new KeyReport.Installed("root", installed(ROOT))));
    f.execution(SIGNING).adoptInstalled(installed(SIGNING));

    assertThat(f.execution(SIGNING).installedKeys()).isPresent();
  }

  @Test
  void aReporterDoesNotReportBackTheKeysItWasForwarded() {
    KeyReporter reporter = fresh().keys();
    NodeId n = new NodeId(0);
    assertThat(reporter.after(n).isEmpty()).as("nothing installed, nothing held").isTrue();

    reporter.adopt(List.of(new KeyReport.Installed("root", installed(ROOT))));

    assertThat(reporter.after(n).installs()).as("forwarded by the driver, not reported back")
        .isEmpty();
  }
}
