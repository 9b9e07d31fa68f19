package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.MessageKind;
import static dev.subnetsim.scenarios.toy.ToyWorld.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.PeerInputFailure;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.scenarios.invariants.ReplicaRobustness;
import dev.subnetsim.scenarios.net.ConstantLatency;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A replica step that throws is a finding about the replica (the invariant {@code
 * replica-robustness}), named with the replica and, when it was handling a peer's input, the
 * sender and the kind; running out of memory stays an error of the run. The bugs here are planted
 * in toy replicas: the real replicas are held to the same rule by the catalog's arbitrary-node
 * scenario and the decoder fuzz suites.
 */
class ReplicaRobustnessTest {
  private static final Topology TWO = Topology.singleSubnet("app", 2);

  /** Node 0 sends one poisoned ingress to node 1 at start; node 1 runs {@code onPoison} on it. */
  private record PoisonLogic(NodeId self, Supplier<Void> onPoison) implements ReplicaLogic {
    @Override
    public StepOutput step(long now, List<InboundEvent> events) {
      StepOutput.Builder out = StepOutput.builder(self, List.of());
      for (InboundEvent e : events) {
        if (e instanceof InboundEvent.Start && self.value() == 0) {
          out.network().send(new NodeId(1), MessageKind.INGRESS, new byte[] {6, 6, 6});
        } else if (e instanceof InboundEvent.MessageDelivered m) {
          onPoison.get();
        }
      }
      return out.build();
    }
  }

  private static DriverOutcome runWith(Supplier<Void> onPoison) {
    return SimulationDriver.run(SimulationConfig.builder(TWO,
            (n, i) -> new PoisonLogic(n, onPoison), LinkModel.builder(new ConstantLatency(10 * MS)))
        .endNanos(1_000 * MS).build());
  }

  @Test
  void aReplicaThatThrowsOnAPeersMessageIsAFindingNamingTheReplicaTheSenderAndTheKind() {
    DriverOutcome r = runWith(() -> PeerInputFailure.attributed(new NodeId(0),
        MessageKind.INGRESS, () -> {
          throw new IllegalStateException("planted decoder bug");
        }));

    assertThat(r.stopReason()).isEqualTo(StopReason.VIOLATION);
    assertThat(r.violations()).singleElement().satisfies(v -> {
      assertThat(v.invariant()).isEqualTo(ReplicaRobustness.NAME);
      assertThat(v.detail()).contains("replica node-1", "handling ingress from node-0",
          "IllegalStateException: planted decoder bug", "ReplicaRobustnessTest");
      assertThat(v.timeNanos()).isEqualTo(10 * MS);
    });
  }

  @Test
  void aReplicaThatThrowsOutsideAnyPeerInputIsAFindingWithoutASender() {
    DriverOutcome r = runWith(() -> {
      throw new ArithmeticException("planted");
    });

    assertThat(r.violations()).singleElement().satisfies(v -> assertThat(v.detail())
        .contains("replica node-1", "outside the handling of any peer's input", "planted"));
  }

  @Test
  void aStackOverflowInAReplicaIsAnErrorOfTheRunNotAFinding() {
    assertThatThrownBy(() -> runWith(() -> {
      throw new StackOverflowError("planted recursion");
    })).hasRootCauseInstanceOf(StackOverflowError.class).hasMessageContaining("node-1");
  }

  @Test
  void anOutOfMemoryErrorInAReplicaIsAnErrorOfTheRunNotAFinding() {
    assertThatThrownBy(() -> runWith(() -> {
      throw new OutOfMemoryError("planted");
    })).hasRootCauseInstanceOf(OutOfMemoryError.class).hasRootCauseMessage("planted")
        .hasMessageContaining("node-1");
  }
}
