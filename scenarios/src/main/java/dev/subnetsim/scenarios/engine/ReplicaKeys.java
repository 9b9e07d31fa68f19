package dev.subnetsim.scenarios.engine;

import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import java.util.List;
import java.util.Optional;

/**
 * The secret key material each replica holds, as the run's checkers read it between driver
 * steps: read off the replicas when they run in the driver's JVM, or mirrored from what cluster
 * members report ({@link KeyMirror}).
 */
public interface ReplicaKeys {
  /** The shares of reshared or generated chain keys {@code node}'s latest replica holds. */
  Optional<NodeChainKeyShares> resharedShares(NodeId node);

  /** Every epoch's consensus threshold keys {@code node}'s latest replica holds, oldest first. */
  List<EpochKeys> consensusKeys(NodeId node);

  /** Read off the replicas {@code factory} created in this JVM. */
  static ReplicaKeys of(ConsensusReplicaFactory factory) {
    return new ReplicaKeys() {
      public Optional<NodeChainKeyShares> resharedShares(NodeId node) {
        return factory.resharedShares(node);
      }

      public List<EpochKeys> consensusKeys(NodeId node) {
        return factory.consensusNode(node).map(ConsensusNode::heldThresholdKeys)
            .orElse(List.of());
      }
    };
  }
}
