package dev.subnetsim.scenarios.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fuzzer works on a fast-icc scenario: within fast-icc's own f its schedules (crashes,
 * restarts, pauses, partitions, Byzantine behaviours, equivocating makers and double-signing
 * notaries that vote for every block among them) find no fork, stall or violation.
 */
class FastIccFuzzTest {
  static ScenarioSpec base() {
    return ScenarioParser.parse("fast-icc-base", """
        name: fast-icc-base
        duration: 4s
        subnets:
          - {name: root, role: root, nodes: 6}
        consensus: {unit_delay: 500ms, initial_notary_delay: 150ms, protocol: fast-icc}
        invariants: [agreement, certified-state-agreement, signatures-valid]
        """);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void withinItsFaultBoundTheFuzzerFindsNothingOnFastIcc(long seed) {
    FuzzCase c = FuzzCase.run(base(), seed, FaultFuzzer.Budget.WITHIN_F, 1, null, "");
    assertThat(c.scenario().consensus().consensusProtocol().name()).isEqualTo("fast-icc");
    assertThat(c.finding()).as("seed %d: %s", seed,
        c.finding().map(Finding::detail).orElse("")).isEmpty();
  }
}
