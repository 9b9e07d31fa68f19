package dev.subnetsim.scenarios.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.spec.SubnetRole;
import dev.subnetsim.scenarios.topology.SubnetSpec;
import dev.subnetsim.scenarios.topology.Topology;
import org.junit.jupiter.api.Test;

class FaultFuzzerTest {
  private static final long S = 1_000_000_000L;
  private static final Topology WORLD = Topology.builder()
      .subnet("root", SubnetRole.ROOT, 7, "eu").subnet("app", SubnetRole.APP, 4, "us").build();

  @Test
  void theScheduleIsAFunctionOfTheSeed() {
    assertThat(FaultFuzzer.generate(3, WORLD, 10 * S, 20).faults())
        .isEqualTo(FaultFuzzer.generate(3, WORLD, 10 * S, 20).faults())
        .isNotEqualTo(FaultFuzzer.generate(4, WORLD, 10 * S, 20).faults());
  }

  @Test
  void noSubnetEverHasMoreThanFCrashedOrPausedNodesAndTheLastFifthIsHealthy() {
    for (long seed = 0; seed < 40; seed++) {
      FaultSchedule s = FaultFuzzer.generate(seed, WORLD, 10 * S, 30);
      assertThat(s.faults()).as("seed %d", seed).isNotEmpty();
      for (Fault f : s.faults()) {
        for (SubnetSpec subnet : WORLD.subnets()) {
          long faulty = WORLD.members(subnet.id()).stream()
              .filter(n -> s.isFaultyAt(n, f.atNanos())).count();
          assertThat(faulty).as("seed %d at %d in %s", seed, f.atNanos(), subnet.id())
              .isLessThanOrEqualTo(subnet.faultTolerance());
        }
        assertThat(f.atNanos()).isLessThanOrEqualTo(8 * S);
      }
      for (SubnetSpec subnet : WORLD.subnets()) {
        assertThat(s.healthySince(WORLD, subnet.id(), 9 * S)).as("seed %d", seed).isPresent();
      }
      for (NodeId n : WORLD.allNodes()) {
        assertThat(s.isCrashedAt(n, 8 * S)).isFalse();
      }
    }
  }
}
