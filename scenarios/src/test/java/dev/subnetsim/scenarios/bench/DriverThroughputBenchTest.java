package dev.subnetsim.scenarios.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The benchmark as an opt-in test (tag "bench", excluded by default); prints one row per run. */
@Tag("bench")
class DriverThroughputBenchTest {

  @Test
  void measuresSimulatedSecondsPerWallSecondForFourToFortyNodes() {
    List<DriverThroughputBench.Row> rows = DriverThroughputBench.run(10, 1, 2);

    assertThat(rows).hasSize(8);
    assertThat(rows).allSatisfy(r -> assertThat(r.simSeconds()).isEqualTo(10.0));
    // Same seed, different thread counts: the benchmark doubles as a determinism check at scale.
    for (int i = 0; i < rows.size(); i += 2) {
      assertThat(rows.get(i).traceHash()).isEqualTo(rows.get(i + 1).traceHash());
    }
  }

  @Test
  void measuresTheRealConsensusLogicForFourToFortyNodes() {
    ConsensusThroughputBench.main(new String[] {"10"});
    assertThat(ConsensusThroughputBench.measure(4, 1, 3, true, CryptoUnitCosts.measureNanos(4)))
        .contains("passed=true").contains("wall/floor=");
  }
}
