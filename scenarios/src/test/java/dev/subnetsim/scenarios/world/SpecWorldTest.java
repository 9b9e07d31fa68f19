package dev.subnetsim.scenarios.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.driver.DriverOutcome;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.driver.StopReason;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.net.LatencyModel;
import dev.subnetsim.scenarios.spec.LatencySpec;
import dev.subnetsim.scenarios.spec.NodeSelector;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.toy.QuorumToyLogic;
import dev.subnetsim.scenarios.trace.TraceEvent;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpecWorldTest {
  private static final long S = 1_000_000_000L;

  @Test
  void theFlagshipScenarioMapsToThirtyThreeNodesByzantineSetsAndACrashRestart() {
    ScenarioSpec spec = ScenarioLoader.catalog("flagship");
    SpecWorld.World world = SpecWorld.build(spec, SpecWorld.defaultLivenessBoundNanos(spec));

    assertThat(world.topology().allNodes()).hasSize(33);
    assertThat(world.topology().members(new SubnetId("signing")).get(5)).isEqualTo(new NodeId(18));
    assertThat(world.topology().regionOf(new NodeId(14))).isEqualTo("us");
    assertThat(world.faults().isByzantine(new NodeId(2))).isTrue();
    assertThat(world.faults().isByzantine(new NodeId(15))).isTrue();
    assertThat(world.faults().isByzantine(new NodeId(26))).isTrue();
    assertThat(world.faults().isByzantine(new NodeId(3))).isFalse();
    assertThat(world.faults().faults()).containsExactly(
        new Fault.Crash(20 * S, new NodeId(18)), new Fault.Restart(35 * S, new NodeId(18)));
    assertThat(world.checkers()).extracting(c -> c.name())
        .containsExactly("agreement", "certified-state-agreement", "signatures-valid", "progress");
    // The reshare is the replica factory's (ScenarioRunner builds the schedule), not a driver
    // fault; no-master-secret is the runner's checker, which needs the factory's key material.
    assertThat(world.notMapped()).noneSatisfy(s -> assertThat(s).contains("Reshare"))
        .anySatisfy(s -> assertThat(s).contains("NO_MASTER_SECRET"));
    assertThat(world.network().build(1).lookaheadNanos()).isEqualTo(5_000_000L);
  }

  @Test
  void regionOverridesKeepTheDefaultsShapeWithTheirMedian() {
    LatencyModel constant = SpecWorld.withMedian(new LatencySpec.Constant(20), 80);
    LatencyModel uniform = SpecWorld.withMedian(new LatencySpec.Uniform(10, 30), 80);

    assertThat(constant.sampleNanos(new NodeId(0), new NodeId(1), RunRandom.forPurpose(1, "x")))
        .isEqualTo(80);
    assertThat(uniform.minNanos()).isEqualTo(70);
  }

  @Test
  void aSelectorNamingAMissingNodeIsRejectedWithTheSubnetSize() {
    ScenarioSpec spec = ScenarioLoader.catalog("partition-heal");
    assertThatThrownBy(() -> SpecWorld.nodes(SpecWorld.topology(spec),
        new NodeSelector(new SubnetId("root"), List.of(13))))
        .hasMessageContaining("node 13 does not exist").hasMessageContaining("13 nodes");
  }

  @Test
  void thePartitionHealScenarioStallsDuringTheSplitAndResumesAfterTheHeal() {
    ScenarioSpec spec = ScenarioLoader.catalog("partition-heal");
    SpecWorld.World world = SpecWorld.build(spec, SpecWorld.defaultLivenessBoundNanos(spec));
    TreeMap<Long, Long> heights = new TreeMap<>(); // time -> max height so far (node 0)
    DriverOutcome r = SimulationDriver.run(SpecWorld.config(spec, world,
            (node, inc) -> new QuorumToyLogic(node, world.topology().subnetOf(node),
                world.topology().members(world.topology().subnetOf(node)), 200_000_000L), 2)
        .traceSink(e -> {
          if (e instanceof TraceEvent.Observed o && o.node().value() == 0
              && o.observation() instanceof Observation.Finalized f) {
            heights.put(e.timeNanos(), f.height());
          }
        })
        .build());

    assertThat(r.stopReason()).isEqualTo(StopReason.END_TIME);
    assertThat(r.violations()).as("a stall while partitioned is not a liveness violation")
        .isEmpty();
    long atSplit = heights.floorEntry(10 * S + 100_000_000L).getValue();
    assertThat(heights.floorEntry(30 * S - 1).getValue()).isEqualTo(atSplit);
    assertThat(heights.ceilingKey(30 * S)).as("finalization resumes within 10 s of the heal")
        .isLessThan(40 * S);
    assertThat(r.maxFinalizedHeight().get(new SubnetId("root"))).isGreaterThan(atSplit + 50);
  }
}
