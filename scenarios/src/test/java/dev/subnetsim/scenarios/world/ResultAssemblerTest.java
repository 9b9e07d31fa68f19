package dev.subnetsim.scenarios.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.scenarios.driver.RunResult;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.InvariantResult.Status;
import dev.subnetsim.scenarios.result.TimeSeries;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.toy.DivergingFinalizer;
import dev.subnetsim.scenarios.toy.QuorumToyLogic;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultAssemblerTest {
  private static final ScenarioSpec SPEC = ScenarioLoader.catalog("partition-heal");
  private static final SpecWorld.World WORLD =
      SpecWorld.build(SPEC, SpecWorld.defaultLivenessBoundNanos(SPEC));

  private static ReplicaLogicFactory quorum() {
    return (n, i) -> new QuorumToyLogic(n, WORLD.topology().subnetOf(n),
        WORLD.topology().allNodes(), 200_000_000L);
  }

  private static dev.subnetsim.scenarios.result.RunResult run(ReplicaLogicFactory logic) {
    // Fresh checkers per run: the world's are stateful.
    SpecWorld.World world = SpecWorld.build(SPEC, SpecWorld.defaultLivenessBoundNanos(SPEC));
    RunRecorder recorder = new RunRecorder(world.faults());
    RunResult r = SimulationDriver.run(
        SpecWorld.config(SPEC, world, logic, 2).traceSink(recorder).build());
    return ResultAssembler.assemble(SPEC, world, r, recorder, 1.5, Map.of("threads", "2"),
        "subnet-sim run scenarios/catalog/partition-heal.yaml --seed 4");
  }

  @Test
  void aPassingRunBecomesAReportModelWithVerdictsSeriesAndTimeline() {
    var result = run(quorum());

    assertThat(result.passed()).isTrue();
    assertThat(result.invariants()).extracting(InvariantResult::name, InvariantResult::status)
        .contains(org.assertj.core.groups.Tuple.tuple("agreement", Status.HELD),
            org.assertj.core.groups.Tuple.tuple("progress", Status.HELD),
            org.assertj.core.groups.Tuple.tuple("no-master-secret", Status.NOT_CHECKED));
    assertThat(result.finalizedHeight().get("root")).isGreaterThan(100);
    TimeSeries heights = result.series().get("finalized_height/root");
    assertThat(heights.points()).isNotEmpty();
    assertThat(heights.points().get(heights.points().size() - 1)[1])
        .isEqualTo((double) result.finalizedHeight().get("root"));
    assertThat(result.timeline()).extracting(e -> e.atSeconds()).containsExactly(10.0, 30.0);
    assertThat(result.messagesByType()).containsKey("vote");
    assertThat(result.simSeconds()).isEqualTo(60.0);
    assertThat(result.nodes()).isEqualTo(13);
    assertThat(result.config()).containsEntry("seed", "4").containsEntry("threads", "2")
        .containsEntry("stop_reason", "END_TIME");
    assertThat(result.reproduce()).contains("--seed 4");
  }

  @Test
  void aViolatedInvariantCarriesItsFirstViolation() {
    var result = run((n, i) -> n.equals(new NodeId(12))
        ? new DivergingFinalizer(quorum().create(n, i), 5) : quorum().create(n, i));

    assertThat(result.passed()).isFalse();
    assertThat(result.invariants()).filteredOn(i -> i.name().equals("agreement")).singleElement()
        .satisfies(i -> {
          assertThat(i.status()).isEqualTo(Status.VIOLATED);
          assertThat(i.detail()).contains("height 5", "node-12");
        });
  }
}
