package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.threshold.Lagrange;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.invariants.NoMasterSecretChecker;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
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
    RunWiring.Wired wired = RunWiring.wire(world, options, world.factory());
    var outcome = SimulationDriver.run(wired.config().build());
    ScenarioRun run = ResultMapping.map(world, wired, outcome, options);

    assertThat(run.violated()).as(run.result().invariants().toString()).isFalse();
    NoMasterSecretChecker.Coverage coverage = wired.secrets().consensusCoverage();
    List<Long> epochs = coverage.epochs().get(new SubnetId("app"));
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
      assertThat(i.detail()).contains(coverage.sharings() + " consensus key sharings")
          .endsWith("DKG epochs app 0-" + (epochs.size() - 1));
    });
  }

  @Test
  void aBeaconSecretPlantedIntoOneReplicasViewOfARealEpochIsReportedNamingNodeKeyAndEpoch() {
    // The test-only hook is the checker's view of the replicas: node 1 is shown, as its epoch-3
    // beacon share, the secret interpolated from nodes 0 and 2's real shares (threshold f+1 = 2),
    // as if the epoch's dealers had leaked the whole secret to it.
    ScenarioSpec spec = ScenarioParser.parse("epochs.yaml", YAML);
    ScenarioRunner.Options options = new ScenarioRunner.Options(spec.seed(), 2, null, "test");
    WorldAssembly.Assembled world = WorldAssembly.assemble(spec);
    RunWiring.Wired wired = RunWiring.wire(world, options, world.factory());
    List<NodeId> members = world.world().topology().members(new SubnetId("app"));
    Function<NodeId, List<EpochKeys>> real = n -> world.factory().consensusNode(n)
        .map(ConsensusNode::heldThresholdKeys).orElse(List.of());
    Function<NodeId, List<EpochKeys>> planted = n -> {
      if (!n.equals(members.get(1))) {
        return real.apply(n);
      }
      TreeMap<Integer, Scalar> others = new TreeMap<>();
      for (int i : List.of(0, 2)) {
        real.apply(members.get(i)).stream().filter(k -> k.epoch() == 3 && k.myBeaconShare() != null)
            .findFirst()
            .ifPresent(k -> others.put(i, k.myBeaconShare()));
      }
      return real.apply(n).stream().filter(k -> k.epoch() != 3 || others.size() == 2)
          .map(k -> k.epoch() != 3 ? k : new EpochKeys(3, k.beacon(), k.certification(),
              k.beaconShares(), k.certificationShares(), Lagrange.interpolateAtZero(others),
              k.myCertificationShare())).toList();
    };
    wired.config().checker(new NoMasterSecretChecker(List.of(), List.of(
        new NoMasterSecretChecker.ConsensusHolder(new SubnetId("app"), members, List.of(),
            planted))));

    var outcome = SimulationDriver.run(wired.config().build());

    assertThat(outcome.violations()).extracting(v -> v.detail()).containsExactly(
        "node-1 holds the random-beacon key of epoch 3 (app)'s master secret");
  }

  @Test
  void theReportWritesEachSubnetsCheckedEpochsAsRunsOfConsecutiveNumbers() {
    assertThat(InvariantMapping.epochRanges(new java.util.TreeMap<>(java.util.Map.of(
        new SubnetId("app"), List.of(0L, 1L, 2L, 3L),
        new SubnetId("root"), List.of(0L, 1L, 4L, 6L, 7L)))))
        .isEqualTo("app 0-3, root 0-1,4,6-7");
  }
}
