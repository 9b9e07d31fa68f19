package dev.subnetsim.scenarios.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.LatencySpec;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldOverrideTest {

  private static final String BASE = """
      name: base
      duration: 10s
      subnets:
        - {name: root, role: root, nodes: 4}
        - {name: app, nodes: 4}
      consensus:
        unit_delay: 200ms
      network:
        latency: {model: lognormal, median: 20ms, sigma: 0.3}
      workload:
        requests:
          - {kind: sign-with-ecdsa, rate: 2/s, from: app}
      faults:
        - {at: 3s, kind: crash, subnet: app, nodes: [0]}
      """;

  private static ScenarioSpec parse(String... sets) {
    List<FieldOverride> overrides = java.util.Arrays.stream(sets).map(s -> {
      int eq = s.indexOf('=');
      return new FieldOverride(s.substring(0, eq), s.substring(eq + 1), "--set " + s);
    }).toList();
    return ScenarioParser.parse("base.yaml", BASE, overrides);
  }

  @Test
  void aListIndexSetsOneElementOnly() {
    ScenarioSpec s = parse("subnets[1].nodes=7");
    assertThat(s.subnets()).extracting(SubnetSpec::nodes).containsExactly(4, 7);
  }

  @Test
  void everyElementWildcardSetsTheFieldInEachElement() {
    ScenarioSpec s = parse("subnets[*].nodes=13");
    assertThat(s.subnets()).extracting(SubnetSpec::nodes).containsExactly(13, 13);
  }

  @Test
  void valuesAreReadWithTheirUnitsAsIfWrittenInTheFile() {
    ScenarioSpec s = parse("consensus.unit_delay=1.5s", "network.latency.median=80ms",
        "workload.requests[0].rate=30/m", "faults[0].at=2500ms", "duration=4s");
    assertThat(s.consensus().unitDelayNanos()).isEqualTo(1_500_000_000L);
    assertThat(((LatencySpec.LogNormal) s.network().latency()).medianNanos())
        .isEqualTo(80_000_000L);
    assertThat(s.workload().requests().get(0).perSecond()).isEqualTo(0.5);
    assertThat(((FaultSpec.Crash) s.faults().get(0)).atNanos()).isEqualTo(2_500_000_000L);
    assertThat(s.durationNanos()).isEqualTo(4_000_000_000L);
  }

  @Test
  void aFieldTheFileLeavesAtItsDefaultCanBeSetIncludingWholeMissingMappings() {
    String noNetwork = """
        name: bare
        duration: 5s
        subnets:
          - {name: root, role: root, nodes: 4}
        """;
    ScenarioSpec s = ScenarioParser.parse("bare.yaml", noNetwork, List.of(
        new FieldOverride("network.loss", "2%", "--set network.loss=2%"),
        new FieldOverride("consensus.crypto", "cheap", "--set consensus.crypto=cheap")));
    assertThat(s.network().loss()).isEqualTo(0.02);
    assertThat(s.consensus().crypto().name()).isEqualTo("CHEAP");
  }

  @Test
  void aMisspeltPathIsAnUnknownFieldNamingTheSetArgumentAndTheClosestKnownName() {
    assertThatThrownBy(() -> parse("consensus.unit_dealy=1s"))
        .isInstanceOfSatisfying(ScenarioException.class, e -> {
          assertThat(e.field()).isEqualTo("consensus.unit_dealy");
          assertThat(e.file()).isEqualTo("base.yaml");
        })
        .hasMessageContaining("unknown field")
        .hasMessageContaining("did you mean 'unit_delay'")
        .hasMessageContaining("--set consensus.unit_dealy=1s");
  }

  @Test
  void aBadValueNamesTheFieldItsLineInTheFileAndTheSetArgument() {
    assertThatThrownBy(() -> parse("consensus.unit_delay=fast"))
        .isInstanceOfSatisfying(ScenarioException.class, e -> {
          assertThat(e.field()).isEqualTo("consensus.unit_delay");
          assertThat(e.line()).isEqualTo(7);
        })
        .hasMessageStartingWith("base.yaml:7: field 'consensus.unit_delay': ")
        .hasMessageContaining("--set consensus.unit_delay=fast");
  }

  @Test
  void anIndexPastTheEndOfAListIsAnErrorNotANewElement() {
    assertThatThrownBy(() -> parse("subnets[2].nodes=4"))
        .isInstanceOfSatisfying(ScenarioException.class,
            e -> assertThat(e.field()).isEqualTo("subnets"))
        .hasMessageContaining("has no element [2] (the list has 2)")
        .hasMessageContaining("--set subnets[2].nodes=4");
  }

  @Test
  void aSemanticErrorCausedByAnOverrideIsStillReportedByTheValidator() {
    // The crash fault names app node 0; at 1 node per subnet the fault budget f = 0 is exceeded.
    assertThatThrownBy(() -> parse("subnets[1].nodes=1"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("base.yaml:");
  }

  @Test
  void aMalformedPathIsRejectedBeforeAnythingIsRead() {
    assertThatThrownBy(() -> parse("subnets[x].nodes=4"))
        .isInstanceOfSatisfying(ScenarioException.class,
            e -> assertThat(e.field()).isEqualTo("subnets[x].nodes"))
        .hasMessageContaining("expected a field path");
  }

  @Test
  void settingInsideAScalarIsAnErrorNamingTheScalarsField() {
    assertThatThrownBy(() -> parse("duration.value=4s"))
        .isInstanceOfSatisfying(ScenarioException.class,
            e -> assertThat(e.field()).isEqualTo("duration"))
        .hasMessageContaining("expected a mapping to set 'value' in");
  }
}
