package dev.subnetsim.scenarios.engine;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.PeerInputFailure;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.net.Envelope;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Bugs planted around real consensus replicas for {@link InvariantsViolatedOnPurposeTest}, through
 * the test-only seam {@code ScenarioRunner.run(spec, options, plant)}. Each wraps the real
 * replica's logic on some nodes, which the fault schedule still counts honest, so the checkers
 * hold them to every invariant. A bug in what a replica computes (a root, a combined signature, a
 * reply) is planted in what it reports holding, its observations: that is all a checker sees of
 * an honest replica, and consensus, execution and chain-key code offer no test-only switch here.
 */
final class PlantedBugs {
  private PlantedBugs() {}

  /** Node {@code i} of the scenario's first (only) subnet: nodes are numbered from 0. */
  static NodeId node(int i) {
    return new NodeId(i);
  }

  /** Wraps the logic of {@code nodes} (every incarnation) with {@code bug}. */
  static UnaryOperator<ReplicaLogicFactory> on(Set<NodeId> nodes,
      UnaryOperator<ReplicaLogic> bug) {
    return real -> (node, incarnation) -> nodes.contains(node)
        ? bug.apply(real.create(node, incarnation)) : real.create(node, incarnation);
  }

  /** Wraps every node's logic with {@code bug}. */
  static UnaryOperator<ReplicaLogicFactory> everywhere(UnaryOperator<ReplicaLogic> bug) {
    return real -> (node, incarnation) -> bug.apply(real.create(node, incarnation));
  }

  /** The replica reports {@code rewrite} of each of its observations (null drops it). */
  static UnaryOperator<ReplicaLogic> rewritingObservations(UnaryOperator<Observation> rewrite) {
    return real -> (now, events) -> {
      StepOutput out = real.step(now, events);
      return new StepOutput(out.sends(), out.timers(), out.observations().stream()
          .map(rewrite).filter(o -> o != null).toList(), out.cpuNanos());
    };
  }

  /** The replica silently loses every message it sends that {@code lost} selects. */
  static UnaryOperator<ReplicaLogic> losingSends(BiPredicate<Long, Envelope> lost) {
    return real -> (now, events) -> {
      StepOutput out = real.step(now, events);
      return new StepOutput(out.sends().stream().filter(e -> !lost.test(now, e)).toList(),
          out.timers(), out.observations(), out.cpuNanos());
    };
  }

  /**
   * The replica's handler of {@code sender}'s messages throws from {@code fromNanos} on, after the
   * real replica handled the message (the planted decoder bug the robustness finding must name).
   */
  static UnaryOperator<ReplicaLogic> throwingOnMessagesFrom(NodeId sender, long fromNanos) {
    return real -> (now, events) -> {
      StepOutput out = real.step(now, events);
      if (now >= fromNanos) {
        for (InboundEvent e : events) {
          if (e instanceof InboundEvent.MessageDelivered m && m.envelope().from().equals(sender)) {
            PeerInputFailure.attributed(sender, m.envelope().kind(), () -> {
              throw new IllegalStateException("planted decoder bug");
            });
          }
        }
      }
      return out;
    };
  }

  /** {@code bytes} with its last byte's low bit flipped. */
  static Bytes flipLastBit(Bytes bytes) {
    return Bytes.of(flipLastBit(bytes.toArray()));
  }

  static byte[] flipLastBit(byte[] bytes) {
    byte[] out = bytes.clone();
    out[out.length - 1] ^= 1;
    return out;
  }
}
