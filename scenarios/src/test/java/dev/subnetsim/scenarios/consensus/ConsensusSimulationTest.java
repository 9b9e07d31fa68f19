package dev.subnetsim.scenarios.consensus;

import static dev.subnetsim.scenarios.consensus.ConsensusWorld.MS;
import static dev.subnetsim.scenarios.consensus.ConsensusWorld.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.driver.RunResult;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsensusSimulationTest {

  private static final SubnetId ROOT = new SubnetId("root");

  @Test
  void fourReplicasFinalizeSteadilyWithRealCryptography() {
    Topology t = Topology.singleSubnet("root", 4);
    RunResult r = SimulationDriver.run(ConsensusWorld.config(t, 1, FaultSchedule.none(), Map.of(),
        200 * MS, 2 * S, 10 * S, 1).build());
    assertThat(r.violations()).isEmpty();
    // Rank-0 block maker proposes at once; the notary waits 60 ms; each round needs a few
    // network hops of 20 ms: roughly 7-8 blocks per second are possible.
    assertThat(r.maxFinalizedHeight().get(ROOT)).isGreaterThan(40);
    System.out.println("4 nodes, 10 s: finalized height " + r.maxFinalizedHeight());
  }
}
