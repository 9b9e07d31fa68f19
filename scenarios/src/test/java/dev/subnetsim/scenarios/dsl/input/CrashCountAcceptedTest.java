package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.FILE;
import static dev.subnetsim.scenarios.dsl.input.BadInput.parse;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.dsl.FieldOverride;
import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.world.SpecWorld;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** {@code count: K} crashes nodes 0 to K-1 of the subnet, so "how many crash" can be swept. */
class CrashCountAcceptedTest {
  private static final String COUNTED = scenario("fault_budget: beyond-f\n"
      + "faults:\n  - {at: 1s, kind: crash, subnet: app, count: 1}\n");

  private static FaultSpec.Crash crash(ScenarioSpec spec) {
    return (FaultSpec.Crash) spec.faults().get(0);
  }

  private static ScenarioSpec withCount(String count) {
    return ScenarioParser.parse(FILE, COUNTED,
        List.of(new FieldOverride("faults[0].count", count, "--set faults[0].count=" + count)));
  }

  @Test
  void aCountCrashesTheFirstNodesByIndexAtItsTime() {
    ScenarioSpec spec = withCount("3");
    assertThat(crash(spec).nodes().indices()).containsExactly(0, 1, 2);
    assertThat(crash(spec).counted()).isTrue();
    var world = SpecWorld.build(spec, SpecWorld.defaultLivenessBoundNanos(spec));
    // The app subnet's nodes follow root's four in the topology.
    assertThat(world.faults().faults()).containsExactly(
        new Fault.Crash(1_000_000_000L, new NodeId(4)), new Fault.Crash(1_000_000_000L,
            new NodeId(5)), new Fault.Crash(1_000_000_000L, new NodeId(6)));
  }

  @Test
  void aCountOfZeroCrashesNoNode() {
    ScenarioSpec spec = withCount("0");
    assertThat(crash(spec).nodes().indices()).isEmpty();
    var world = SpecWorld.build(spec, SpecWorld.defaultLivenessBoundNanos(spec));
    assertThat(world.faults().faults()).isEmpty();
  }

  @Test
  void aNamedCrashStillSelectingNoNodesIsRejected() {
    Assertions.assertThatThrownBy(() -> parse(scenario(
        "faults:\n  - {at: 1s, kind: crash, subnet: root, nodes: []}\n")))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("selects no nodes");
  }

  @Test
  void aBadCountSetFromTheCommandLineNamesTheSetArgument() {
    Assertions.assertThatThrownBy(() -> withCount("-2"))
        .isInstanceOfSatisfying(ScenarioException.class, e -> {
          assertThat(e.line()).isEqualTo(8);
          assertThat(e.field()).isEqualTo("faults[0].count");
        })
        .hasMessageContaining("cannot be negative")
        .hasMessageContaining("(set by --set faults[0].count=-2)");
  }
}
