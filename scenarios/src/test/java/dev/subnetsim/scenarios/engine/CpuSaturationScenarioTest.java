package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.cpu.CpuOp;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The virtual CPU bounds throughput where its costs say it must. Every operation is free except
 * verifying an ECDSA signature share, 50 ms; a 4-node key-holding subnet (threshold 2) verifies 2
 * shares per request while collecting them and 2 again when executing the reply, so each node
 * spends 200 ms of CPU per signature: at most 5 signatures per second per core, whatever the
 * offered 20 per second. The first seconds go to generating the keys through consensus and
 * filling the stash; the bounds hold over the whole run all the same.
 */
class CpuSaturationScenarioTest {
  private static final long VERIFY_NANOS = 50_000_000L;
  private static final double SECONDS = 24;
  /** Per request per node: threshold 2, shares verified when collected and when executed. */
  private static final double CPU_SECONDS_PER_SIGNATURE = 4 * VERIFY_NANOS / 1e9;

  private static String table() {
    return Arrays.stream(CpuOp.values()).map(op -> op.costName() + "\t"
        + (op == CpuOp.ECDSA_VERIFY_SHARE ? VERIFY_NANOS : 0) + "\ttest")
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static List<Long> signatures(Path table, int cores) {
    String yaml = """
        name: cpu-saturation
        seed: 3
        duration: %ss
        subnets:
          - {name: root, role: root, nodes: 4}
          - {name: app, role: app, nodes: 4}
        consensus: {crypto: cheap}
        cpu: {cores: %d, costs: '%s'}
        workload:
          presignatures_in_flight: 64
          requests:
            - {kind: sign-with-ecdsa, rate: 20/s, from: app}
        """.formatted((int) SECONDS, cores, table);
    ScenarioSpec spec = ScenarioParser.parse("cpu.yaml", yaml);
    ScenarioRun run = ScenarioRunner.run(spec, new ScenarioRunner.Options(spec.seed(), 2, null,
        "test"));
    assertThat(run.violated()).as(run.result().invariants().toString()).isFalse();
    return run.result().latenciesNanos().getOrDefault("ecdsa", List.of());
  }

  @Test
  void aSigningSubnetAnswersNoFasterThanItsCoresCanVerifyShares(@TempDir Path dir)
      throws IOException {
    Path table = Files.writeString(dir.resolve("costs.tsv"), table());
    int oneCore = signatures(table, 1).size();
    int twoCores = signatures(table, 2).size();

    double capacityPerCore = 1 / CPU_SECONDS_PER_SIGNATURE; // 5 per second
    assertThat(oneCore).as("one core").isPositive()
        .isLessThanOrEqualTo((int) (capacityPerCore * SECONDS));
    assertThat(twoCores).as("two cores").isLessThanOrEqualTo((int) (2 * capacityPerCore * SECONDS))
        .isGreaterThan(oneCore * 3 / 2);
  }
}
