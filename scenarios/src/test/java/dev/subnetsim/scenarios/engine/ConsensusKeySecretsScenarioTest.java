package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.invariants.NoMasterSecretChecker;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@code no-master-secret} on a real-consensus run without chain keys: a 4-node subnet with real
 * BLS and a 3-height DKG interval reshares its beacon and certification keys several times, and
 * the checker checks every epoch's sharing as the replicas hold it.
 */
class ConsensusKeySecretsScenarioTest {
  private static final String YAML = """
      name: consensus-key-epochs
      seed: 11
      duration: 8s
      subnets:
        - {name: app, role: app, nodes: 4}
      consensus: {unit_delay: 300ms, initial_notary_delay: 100ms, dkg_interval: 3}
      faults:
        - {at: 0s, kind: byzantine, subnet: app, nodes: [2], behaviour: bad-dealings}
      invariants: [no-master-secret]
      """;

  @Test
  void everyDkgIntervalsBeaconAndCertificationSharingIsCheckedAndNoneLeaksItsSecret() {
    ScenarioSpec spec = ScenarioParser.parse("epochs.yaml", YAML);
    ScenarioRunner.Options options = new ScenarioRunner.Options(spec.seed(), 2, null, "test");
    WorldAssembly.Assembled world = WorldAssembly.assemble(spec);
    RunWiring.Wired wired = RunWiring.wire(world, options);
    var outcome = SimulationDriver.run(wired.config().build());
    ScenarioRun run = ResultMapping.map(world, wired, outcome, options);

    assertThat(run.violated()).as(run.result().invariants().toString()).isFalse();
    NoMasterSecretChecker.Coverage coverage = wired.secrets().consensusCoverage();
    List<Long> epochs = coverage.epochs().get("app");
    // Epochs 0 and 1 hold the genesis sharing; 2 on are made by the DKG, one per interval (about
    // twenty in this run), and none is skipped.
    assertThat(epochs).as("epochs checked").hasSizeGreaterThan(5)
        .isEqualTo(LongStream.range(0, epochs.size()).boxed().toList());
    assertThat(coverage.sharings()).isEqualTo(2 * epochs.size());
    assertThat(coverage.coalitions()).as("f = 1: each replica alone, per sharing")
        .isGreaterThanOrEqualTo(4L * 2 * (epochs.size() - 2));
    assertThat(run.result().invariants()).anySatisfy(i -> {
      assertThat(i.name()).isEqualTo(NoMasterSecretChecker.NAME);
      assertThat(i.status()).isEqualTo(InvariantResult.Status.HELD);
      assertThat(i.detail()).contains(coverage.sharings() + " consensus key sharings");
    });
  }
}
