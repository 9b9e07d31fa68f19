package dev.subnetsim.scenarios.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Beyond the threshold the fuzzer's Byzantine coalitions (an equivocating maker with
 * double-signing notaries and twins, the honest halves kept apart) make real consensus finalize
 * two blocks at one height, and the agreement checker reports it as a fork naming both blocks and
 * the replicas, not as a stall.
 */
class BeyondThresholdForkTest {

  static ScenarioSpec subnet(int nodes, String duration) {
    return ScenarioParser.parse("fork-base", """
        name: fork-base
        duration: %s
        subnets:
          - {name: root, role: root, nodes: %d}
        consensus: {unit_delay: 500ms, initial_notary_delay: 150ms}
        invariants: [agreement, certified-state-agreement, signatures-valid]
        """.formatted(duration, nodes));
  }

  /** The first seed in [1, 50] whose beyond-f schedule forks, with its run. */
  static Optional<FuzzCase> firstFork(ScenarioSpec base) {
    for (long seed = 1; seed <= 50; seed++) {
      FuzzCase c = FuzzCase.run(base, seed, FaultFuzzer.Budget.BEYOND_F, 1, null, "");
      System.out.println("seed " + seed + ": " + c.finding().map(Finding::label).orElse("ok")
          + " " + c.finding().map(Finding::detail).orElse(""));
      if (c.finding().filter(f -> f.kind() == Finding.Kind.FORK).isPresent()) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static void assertReportedAsFork(FuzzCase fork) {
    Finding f = fork.finding().orElseThrow();
    assertThat(f.kind()).isEqualTo(Finding.Kind.FORK);
    assertThat(f.label()).isEqualTo("fork");
    // Both blocks (64 hex digits each) and both replicas are named.
    assertThat(f.detail()).startsWith("FORK: subnet root height ")
        .containsPattern("node-\\d+ has finalized block [0-9a-f]{64} but node-\\d+ has [0-9a-f]{64}");
  }

  @Test
  void onFourNodesTheBeyondFFuzzerFindsAForkWithinFiftySeeds() {
    Optional<FuzzCase> fork = firstFork(subnet(4, "4s"));
    assertThat(fork).as("a forking seed in 1..50").isPresent();
    assertReportedAsFork(fork.get());
  }

  @Tag("slow")
  @Test
  void onThirteenNodesTheBeyondFFuzzerFindsAForkWithinFiftySeeds() {
    Optional<FuzzCase> fork = firstFork(subnet(13, "4s"));
    assertThat(fork).as("a forking seed in 1..50").isPresent();
    assertReportedAsFork(fork.get());
  }
}
