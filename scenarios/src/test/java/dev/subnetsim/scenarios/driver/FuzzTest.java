package dev.subnetsim.scenarios.driver;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.fuzz.FaultFuzzer;
import dev.subnetsim.scenarios.invariants.HeightAgreementChecker;
import dev.subnetsim.scenarios.invariants.ProgressChecker;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.net.UniformLatency;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.scenarios.toy.DivergingFinalizer;
import dev.subnetsim.scenarios.toy.QuorumToyLogic;
import dev.subnetsim.scenarios.world.SpecWorld;
import org.junit.jupiter.api.Test;

/** VOPR-style: random fault schedules from seeds; a failing seed replays its failure exactly. */
class FuzzTest {
  private static final Topology SEVEN = Topology.singleSubnet("app", 7);
  private static final ScenarioSpec BASE = ScenarioParser.parse("toy", """
      name: toy
      duration: 8s
      subnets:
        - {name: app, nodes: 7}
      """);

  private static ReplicaLogicFactory quorum() {
    return (n, i) -> new QuorumToyLogic(n, SEVEN.subnetOf(n), SEVEN.allNodes(), 200 * MS);
  }

  private static DriverOutcome run(long seed, ReplicaLogicFactory logic) {
    // The scenario fuzzer's within-f schedule on the toy world (its Byzantine nodes are only
    // counted faulty and ignored by the checkers: the toy logic has no behaviours).
    ScenarioSpec fuzzed = FaultFuzzer.fuzz(BASE, seed, FaultFuzzer.Budget.WITHIN_F);
    FaultSchedule faults = SpecWorld.build(fuzzed, 2_000 * MS).faults();
    return SimulationDriver.run(SimulationConfig.builder(SEVEN, logic,
            LinkModel.builder(new UniformLatency(5 * MS, 40 * MS)).loss(0.02))
        .seed(seed)
        .faults(faults)
        .checker(HeightAgreementChecker.finalization(faults))
        .checker(new ProgressChecker(SEVEN, faults, 2_000 * MS))
        .endNanos(8_000 * MS)
        .dispatcherThreads(2)
        .build());
  }

  @Test
  void theQuorumToySurvivesTenRandomFaultSchedules() {
    for (long seed = 1; seed <= 10; seed++) {
      DriverOutcome r = run(seed, quorum());
      assertThat(r.violations()).as("seed %d (reproduce: run(%d, quorum()))", seed, seed).isEmpty();
      assertThat(r.stopReason()).isEqualTo(StopReason.END_TIME);
    }
  }

  @Test
  void aSafetyBugIsCaughtUnderFuzzingAndItsSeedReproducesTheSameFailure() {
    ReplicaLogicFactory buggy = (n, i) -> n.equals(new NodeId(6))
        ? new DivergingFinalizer(quorum().create(n, i), 10) : quorum().create(n, i);

    DriverOutcome first = run(5, buggy);
    DriverOutcome again = run(5, buggy);

    assertThat(first.stopReason()).isEqualTo(StopReason.VIOLATION);
    assertThat(first.violations()).extracting(v -> v.invariant()).contains("agreement");
    assertThat(again.violations()).isEqualTo(first.violations());
    assertThat(again.traceHash()).isEqualTo(first.traceHash());
  }
}
