package dev.subnetsim.scenarios.driver;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.scenarios.toy.ToyWorld;
import org.junit.jupiter.api.Test;

class ReplicaOutOfMemoryEndsTheRunTest {
  private static final Topology FOUR = Topology.singleSubnet("app", 4);

  @Test
  void anOutOfMemoryErrorInAReplicasStepEndsTheRunWithItAsTheCause() {
    SimulationConfig base = ToyWorld.config(FOUR, 3, FaultSchedule.none(), 2_000 * MS, 2).build();
    SimulationConfig config = base.withLogic((node, inc) -> {
      ReplicaLogic honest = ToyWorld.honest(FOUR, 3).create(node, inc);
      if (!node.equals(new NodeId(2))) {
        return honest;
      }
      int[] steps = {0};
      return (now, events) -> {
        if (++steps[0] == 5) {
          throw new OutOfMemoryError("Java heap space (test)");
        }
        return honest.step(now, events);
      };
    });

    Throwable t = catchThrowable(() -> SimulationDriver.run(config));

    assertThat(t).isNotNull().hasRootCauseInstanceOf(OutOfMemoryError.class)
        .hasRootCauseMessage("Java heap space (test)");
    assertThat(t).hasMessageContaining("node-2").hasMessageContaining("failed in step");
  }
}
