package dev.subnetsim.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepPlanTest {

  private static final String BASE = """
      name: plan
      duration: 2s
      subnets:
        - {name: root, role: root, nodes: 4}
        - {name: app, nodes: 4}
      consensus: {unit_delay: 200ms, crypto: cheap}
      faults:
        - {at: 1s, kind: crash, subnet: app, nodes: [0]}
      """;

  private static SweepPlan plan(boolean zip, List<Long> seeds, String... sets) {
    List<SweepAxis> axes = java.util.Arrays.stream(sets)
        .map(s -> SweepAxis.parse(s, "--set " + s)).toList();
    return new SweepPlan("plan.yaml", BASE, List.of(), new SweepGrid(axes, zip), seeds);
  }

  @Test
  void everyPointAndSeedIsARunWithItsOwnScenarioAndFolder() {
    List<SweepPlan.PlannedRun> runs = plan(false, List.of(1L, 2L), "subnets[1].nodes=4,7",
        "faults[0].at=500ms,1500ms").runs();
    assertThat(runs).hasSize(8);
    assertThat(runs.get(7).spec().subnets().get(1).nodes()).isEqualTo(7);
    assertThat(runs.get(7).spec().faults().get(0).atNanos()).isEqualTo(1_500_000_000L);
    assertThat(runs.get(7).folder())
        .isEqualTo("runs/subnets_1_.nodes=7_faults_0_.at=1500ms/seed-2");
    assertThat(runs.get(7).yaml()).contains("seed: 2").contains("nodes: 7");
  }

  @Test
  void aBadValueAtTheLastPointFailsThePlanNamingFileLineFieldAndSetArgument() {
    assertThatThrownBy(() -> plan(false, List.of(1L), "consensus.unit_delay=100ms,soon").runs())
        .isInstanceOfSatisfying(ScenarioException.class, e -> {
          assertThat(e.file()).isEqualTo("plan.yaml");
          assertThat(e.line()).isEqualTo(6);
          assertThat(e.field()).isEqualTo("consensus.unit_delay");
        })
        .hasMessageContaining("--set consensus.unit_delay=soon");
  }

  @Test
  void anUnknownPathIsAnErrorNamingTheFieldAndTheSetArgument() {
    assertThatThrownBy(() -> plan(false, List.of(1L), "network.los=1%").runs())
        .isInstanceOfSatisfying(ScenarioException.class,
            e -> assertThat(e.field()).isEqualTo("network.los"))
        .hasMessageContaining("unknown field (did you mean 'loss'?)")
        .hasMessageContaining("--set network.los=1%");
  }

  @Test
  void aPointThatBreaksAnotherFieldsRuleNamesThePoint() {
    // One node per app subnet: f = 0, so the crash fault exceeds the fault budget.
    assertThatThrownBy(() -> plan(false, List.of(1L), "subnets[1].nodes=4,1").runs())
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("plan.yaml:")
        .hasMessageContaining("subnets[1].nodes=1");
  }
}
