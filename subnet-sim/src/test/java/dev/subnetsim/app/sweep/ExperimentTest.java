package dev.subnetsim.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {

  @TempDir Path tmp;

  private Experiment load(String yaml) throws Exception {
    Path file = tmp.resolve("e.yaml");
    Files.writeString(file, yaml);
    return Experiment.load(file);
  }

  @Test
  void theExampleExperimentInTheRepositoryLoadsAndItsBaseScenarioExists() {
    Path file = Path.of("..", "experiments", "link-delay.yaml");
    Experiment e = Experiment.load(file);
    assertThat(e.name()).isEqualTo("link-delay");
    assertThat(e.base()).isRegularFile();
    assertThat(e.grid().paths()).containsExactly("network.latency.value", "subnets[0].nodes");
    assertThat(e.expectations()).hasSize(3);
  }

  @Test
  void anExperimentNamesItsBaseGridSeedsPlotsAndExpectations() throws Exception {
    Experiment e = load("""
        name: x
        base: sub/base.yaml
        seeds: [2, 3]
        zip: true
        set:
          consensus.unit_delay: [100ms, 200ms]
          "subnets[0].nodes": [4, 7]
        plot: [blocks_per_second]
        expect:
          - {metric: blocks_per_second.root, field: consensus.unit_delay, relation: decreases}
          - {metric: finalized_height.root, field: "subnets[0].nodes", slope: {min: -1}}
        """);
    assertThat(e.base()).isEqualTo(tmp.resolve("sub/base.yaml").toAbsolutePath());
    assertThat(e.seeds()).containsExactly(2L, 3L);
    assertThat(e.grid().zip()).isTrue();
    assertThat(e.grid().points()).hasSize(2);
    assertThat(e.plot()).containsExactly("blocks_per_second");
    assertThat(e.expectations()).containsExactly(
        new Expectation.Monotone("blocks_per_second.root", "consensus.unit_delay", false),
        new Expectation.Slope("finalized_height.root", "subnets[0].nodes", -1,
            Double.POSITIVE_INFINITY));
  }

  @Test
  void anExpectationOnAFieldThatIsNotSweptNamesItsLineAndField() {
    assertThatThrownBy(() -> load("""
        name: x
        base: b.yaml
        set:
          network.loss: [0, 1%]
        expect:
          - {metric: blocks_per_second.root, field: network.latency.value, relation: decreases}
        """))
        .isInstanceOfSatisfying(ScenarioException.class, ex -> {
          assertThat(ex.line()).isEqualTo(6);
          assertThat(ex.field()).isEqualTo("expect[0].field");
        })
        .hasMessageContaining("is not a swept field");
  }

  @Test
  void aSlopeOverCategoricalValuesAndAnUnknownKeyAreRejected() {
    assertThatThrownBy(() -> load("""
        name: x
        base: b.yaml
        set:
          consensus.crypto: [real, cheap]
        expect:
          - {metric: m, field: consensus.crypto, slope: {max: 1}}
        """)).hasMessageContaining("a slope needs numeric values");
    assertThatThrownBy(() -> load("""
        name: x
        base: b.yaml
        sets: {}
        """)).hasMessageContaining("field 'sets': unknown field");
    assertThatThrownBy(() -> load("""
        name: ../../elsewhere
        base: b.yaml
        set: {network.loss: 0}
        """)).hasMessageContaining("field 'name': expected a name of letters");
  }

  @Test
  void verdictsCheckEveryLineForMonotonicityAndTheFittedSlope() {
    SweepGrid grid = new SweepGrid(List.of(SweepAxis.parse("network.latency.value=10ms,20ms,40ms",
        "--set"), SweepAxis.parse("subnets[0].nodes=4,7", "--set")), false);
    // y = 2 + 3x (x in seconds) at 4 nodes, exactly; at 7 nodes flat but noisy over seeds.
    List<SweepRow> rows = new ArrayList<>();
    for (SweepPoint p : grid.points()) {
      double x = FieldValues.read(p.value("network.latency.value"), "s").orElseThrow();
      for (long seed = 1; seed <= 2; seed++) {
        double y = p.value("subnets[0].nodes").equals("4") ? 2 + 3 * x : 5 + (seed == 1 ? 1 : -1);
        TreeMap<String, Double> m = new TreeMap<>();
        m.put("y", y);
        rows.add(new SweepRow(p, seed, true, m, 1, "h", "r", false));
      }
    }
    List<Verdicts.Verdict> v = Verdicts.judge(grid, rows, List.of(
        new Expectation.Monotone("y", "network.latency.value", true),
        new Expectation.Slope("y", "network.latency.value", 2.5, 3.5),
        new Expectation.Slope("y", "network.latency.value", -0.5, 3.5)));
    assertThat(v.get(0).holds()).isFalse();
    assertThat(v.get(0).detail()).contains("subnets[0].nodes=4: means 2.03 -> 2.06 -> 2.12")
        .contains("subnets[0].nodes=7: means 5 -> 5 -> 5 (not increasing)");
    assertThat(v.get(1).holds()).isFalse(); // the flat line's slope 0 is outside [2.5, 3.5]
    assertThat(v.get(2).holds()).isTrue();
    double[] fit = Verdicts.fit(SweepHtml.lines(grid, rows, "y", grid.axes().get(0)).get(0)
        .points());
    assertThat(fit[0]).isCloseTo(3.0, within(1e-9));
    assertThat(fit[1]).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void aPredictionNamesAValuePerSweptValueAndATolerance() throws Exception {
    Experiment e = load("""
        name: x
        base: b.yaml
        set:
          faults[0].count: [0, 1, 2]
        expect:
          - {metric: m, field: "faults[0].count", predicted: [1.5, 1.25, 1], within: 5%}
        """);
    assertThat(e.expectations()).containsExactly(
        new Expectation.Predicted("m", "faults[0].count", List.of(1.5, 1.25, 1.0), 0.05));
  }

  @Test
  void aPredictionWithTheWrongNumberOfValuesOrABadToleranceIsRejectedWithItsLine() {
    String head = "name: x\nbase: b.yaml\nset:\n  faults[0].count: [0, 1, 2]\nexpect:\n";
    assertThatThrownBy(() -> load(head
        + "  - {metric: m, field: \"faults[0].count\", predicted: [1, 2], within: 5%}\n"))
        .isInstanceOfSatisfying(ScenarioException.class, ex -> {
          assertThat(ex.line()).isEqualTo(6);
          assertThat(ex.field()).isEqualTo("expect[0].predicted");
        })
        .hasMessageContaining("expected one value per value of faults[0].count (3: [0, 1, 2]),"
            + " got 2");
    assertThatThrownBy(() -> load(head
        + "  - {metric: m, field: \"faults[0].count\", predicted: [1, 2, 3], within: 0}\n"))
        .hasMessageContaining("field 'expect[0].within': expected a tolerance above 0");
    assertThatThrownBy(() -> load(head
        + "  - {metric: m, field: \"faults[0].count\", predicted: [1, 2, 3]}\n"))
        .hasMessageContaining("field 'expect[0].within': is required but missing");
    assertThatThrownBy(() -> load(head
        + "  - {metric: m, field: \"faults[0].count\", relation: increases, within: 5%}\n"))
        .hasMessageContaining("field 'expect[0].within': only for 'predicted'");
    assertThatThrownBy(() -> load(head + "  - {metric: m, field: \"faults[0].count\", "
        + "relation: increases, predicted: [1, 2, 3], within: 5%}\n"))
        .hasMessageContaining("expected exactly one of 'relation'");
  }

  @Test
  void aPredictionHoldsOnlyIfEveryValuesMeanIsWithinTheToleranceOfItsPrediction() {
    SweepGrid grid = new SweepGrid(List.of(SweepAxis.parse("faults[0].count=0,1,2", "--set")),
        false);
    // Means 1.0, 0.9 and 0.8 (seeds 1 and 2 at mean -+ 0.05).
    List<SweepRow> rows = new ArrayList<>();
    for (SweepPoint p : grid.points()) {
      double mean = 1 - 0.1 * Integer.parseInt(p.value("faults[0].count"));
      for (long seed = 1; seed <= 2; seed++) {
        TreeMap<String, Double> m = new TreeMap<>();
        m.put("y", mean + (seed == 1 ? -0.05 : 0.05));
        rows.add(new SweepRow(p, seed, true, m, 1, "h", "r", false));
      }
    }
    List<Verdicts.Verdict> v = Verdicts.judge(grid, rows, List.of(
        new Expectation.Predicted("y", "faults[0].count", List.of(1.0, 0.92, 0.85), 0.05),
        new Expectation.Predicted("y", "faults[0].count", List.of(1.0, 0.92, 0.85), 0.1)));
    assertThat(v.get(0).holds()).isFalse(); // 0.8 is 5.9% below 0.85
    assertThat(v.get(0).detail()).contains("0: 1 (predicted 1, +0.0%)")
        .contains("1: 0.9 (predicted 0.92, -2.2%)")
        .contains("2: 0.8 (predicted 0.85, -5.9%) (outside)");
    assertThat(v.get(1).holds()).isTrue();
  }
}
